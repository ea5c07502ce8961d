a b {
