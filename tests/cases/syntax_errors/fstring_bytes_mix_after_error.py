x = f'{}' b'x'
