# comment
   pass
