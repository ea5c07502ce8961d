import dis

result = 3 * 4 + 2
dis.dis(compile("result = 3 * 4 + 2", "<example>", "exec"))
