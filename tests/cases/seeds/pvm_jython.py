from java.util import Date

date = Date()
