#!/usr/bin/env python
# vim: set fileencoding=foo-bar :
x = 1
