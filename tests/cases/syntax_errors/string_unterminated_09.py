x = u'x
