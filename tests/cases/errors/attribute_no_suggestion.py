class Thing:
    alpha = 1

Thing().completely_different_name
