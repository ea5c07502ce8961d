x = b'\xZZ' + b'ok'
