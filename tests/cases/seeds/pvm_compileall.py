import compileall
