print 'é'
