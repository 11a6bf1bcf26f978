# Hidden tests for chapter 01 (tools/grading_edition.py --hidden-tests tests/classroom/hidden_tests).
# nbgrader removes them from what students get and runs them when it autogrades.

# %% check_my_weighted_sum
# cases the check does not show: a loop that only knows the check's four cases fails here
assert my_weighted_sum([3, -1, 2], [0.5, 2, 1]) == 3 * 0.5 + (-1) * 2 + 2 * 1
assert my_weighted_sum([], []) == 0
