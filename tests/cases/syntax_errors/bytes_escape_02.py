x = b'\xg0'
