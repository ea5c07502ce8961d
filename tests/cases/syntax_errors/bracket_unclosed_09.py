x = (
# only a comment
