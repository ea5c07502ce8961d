requires('gui'):=
