"""The graded edition (tools/grading_edition.py) through nbgrader, for two chapters.

nbgrader generates each assignment's release; then it autogrades three submissions of each: the
instructor's version (full marks), the untouched release (0, without crashing) and a partly right one
(partial marks, with the check's message in the feedback). Chapter 01 also has a hidden test, which
the release does not show and which catches an answer that only knows the check's cases.
"""

from __future__ import annotations

import getpass
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools.lab_server import require

REPO = Path(__file__).resolve().parents[2]
# A teacher's hidden tests for chapter 01 (tools/grading_edition.py --hidden-tests FOLDER reads
# FOLDER/01_one_neuron.py): cases check_my_weighted_sum does not try, so that a loop that only
# knows the check's four cases fails here. nbgrader removes them from the release.
HIDDEN_TESTS = """# %% check_my_weighted_sum
assert my_weighted_sum([3, -1, 2], [0.5, 2, 1]) == 3 * 0.5 + (-1) * 2 + 2 * 1
assert my_weighted_sum([], []) == 0
"""
CHAPTERS = {"ch01": "01_one_neuron", "ch06": "06_batch_of_inputs"}
# Chapter 01's partly right submission goes through nbgrader's exchange, as on a hub: released,
# fetched and submitted by the student (named after the user who runs the tests), then collected.
THROUGH_EXCHANGE = "ch01"
PARTLY_RIGHT = {"ch01": getpass.getuser(), "ch06": "partial"}
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)

# A partly right submission: the reference solution for some answers, a wrong answer for others
# (each with the message its check gives), and the rest left as released.
# A loop that only knows the four cases check_my_weighted_sum tries: the check accepts it, the hidden test does not.
MEMORISED = """def my_weighted_sum(inputs, weights):
    known = {(2, 3, 5): 2.9, (1, -2): -5, (7,): 3.5, (4, 0, 1, 2): 1}
    return known.get(tuple(inputs), 0)
"""
PARTIAL = {
    "ch01": {
        "answers": {"answer_ana_score": "solution", "answer_my_weighted_sum": MEMORISED,
                    "answer_third_weight": "w3 = 2.1", "answer_doubled_inputs": "solution"},
        "scores": {"check_ana_score": 1, "check_my_weighted_sum": 0, "check_third_weight": 0, "check_doubled_inputs": 1},
        "message": "4 − 1.9 = 2.1 is what 5×w3 must give; w3 itself is that divided by the input 5.",
    },
    "ch06": {
        "answers": {"answer_batch_entry": "solution", "answer_batch_layer": "Z_batch = X_ex.T @ W_ex.T + b_ex"},
        "scores": {"check_batch_entry": 1, "check_batch_layer": 0, "check_batch_shapes": 0},
        "message": "you used X.T: X's rows are already the samples",
    },
}


def run_nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    """Run nbgrader in the course folder, as a teacher would in a terminal of this environment."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
               HOME=str(course.parent / "home"))  # no user-level Jupyter settings or kernels
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    assert "[ERROR]" not in done.stderr and "| ERROR]" not in done.stderr, done.stderr[-5000:]
    return done


def answer_cells(notebook) -> dict:
    return {cell.metadata["nbgrader"]["grade_id"]: cell for cell in notebook.cells
            if cell.metadata.get("nbgrader", {}).get("solution")}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        require("nbgrader is not installed: run `make test`, which installs the grading extra "
                "(pip install -e '.[grading]'; nbgrader needs Python 3.11 or newer)", "classroom tests")
    course = tmp_path_factory.mktemp("grading") / "course"
    (course.parent / "home").mkdir()
    hidden = course.parent / "hidden"  # kept apart from the course folder, as a teacher keeps them
    hidden.mkdir()
    (hidden / "01_one_neuron.py").write_text(HIDDEN_TESTS)
    subprocess.run([sys.executable, str(REPO / "tools" / "grading_edition.py"), "--out", str(course),
                    "--chapters", *CHAPTERS.values(), "--hidden-tests", str(hidden)], check=True, capture_output=True)
    for assignment, chapter in CHAPTERS.items():
        run_nbgrader(course, "generate_assignment", assignment, "--force")
        source = nbformat.read(course / "source" / assignment / f"{chapter}.ipynb", as_version=4)
        release = course / "release" / assignment / f"{chapter}.ipynb"
        submitted = course / "submitted"
        # the instructor's version, solutions and hidden tests included
        (submitted / "instructor" / assignment).mkdir(parents=True)
        shutil.copy(course / "source" / assignment / f"{chapter}.ipynb", submitted / "instructor" / assignment)
        # the release, untouched
        (submitted / "untouched" / assignment).mkdir(parents=True)
        shutil.copy(release, submitted / "untouched" / assignment)
        # partly right
        partial = nbformat.read(release, as_version=4)
        solutions = {grade_id: SOLUTION.search(cell.source).group(1) for grade_id, cell in answer_cells(source).items()}
        for grade_id, cell in answer_cells(partial).items():
            answer = PARTIAL[assignment]["answers"].get(grade_id)
            if answer is not None:
                cell.source = solutions[grade_id] if answer == "solution" else answer
        if assignment == THROUGH_EXCHANGE:
            through_exchange(course, assignment, chapter, partial)
        else:
            (submitted / "partial" / assignment).mkdir(parents=True)
            nbformat.write(partial, submitted / "partial" / assignment / f"{chapter}.ipynb")
        run_nbgrader(course, "autograde", assignment, "--force")
        run_nbgrader(course, "generate_feedback", assignment, "--force")
        if assignment == THROUGH_EXCHANGE:
            run_nbgrader(course, "release_feedback", assignment, f"--student={PARTLY_RIGHT[assignment]}", *exchange(course))
            run_nbgrader(course.parent / "student", "fetch_feedback", assignment, *exchange(course))
    return course


def exchange(course: Path) -> list[str]:
    """The settings a hub gives both the teacher's and the students' nbgrader (docs/teaching.md)."""
    return [f"--Exchange.root={course.parent / 'exchange'}", "--CourseDirectory.course_id=nn-by-hand"]


def through_exchange(course: Path, assignment: str, chapter: str, answers):
    """Release, fetch as a student (in a folder of their own), answer, submit, collect."""
    student = course.parent / "student"
    student.mkdir()
    (course.parent / "exchange").mkdir(mode=0o777)
    run_nbgrader(course, "release_assignment", assignment, *exchange(course))
    run_nbgrader(student, "fetch_assignment", assignment, *exchange(course))
    fetched = student / assignment / f"{chapter}.ipynb"
    assert fetched.read_text() == (course / "release" / assignment / f"{chapter}.ipynb").read_text()
    nbformat.write(answers, fetched)
    run_nbgrader(student, "submit", assignment, *exchange(course))
    run_nbgrader(course, "collect", assignment, *exchange(course))


def scores(course: Path, assignment: str, student: str) -> tuple[float, float, dict[str, float]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(assignment, student)
        cells = {grade.name: grade.score for notebook in submission.notebooks for grade in notebook.grades}
        return submission.score, submission.max_score, cells


@pytest.mark.parametrize("assignment", CHAPTERS)
def test_the_release_has_stubs_and_no_solution_nor_hidden_test(course, assignment):
    chapter = CHAPTERS[assignment]
    source = nbformat.read(course / "source" / assignment / f"{chapter}.ipynb", as_version=4)
    release = nbformat.read(course / "release" / assignment / f"{chapter}.ipynb", as_version=4)
    original = nbformat.read(REPO / "chapters" / f"{chapter}.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in release.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "NotImplementedError" not in text
    assert "<summary>Solution</summary>" not in text
    # every exercise is an answer cell holding the learner's stub, and its solution only in the source
    stubs = [cell.source for cell in original.cells if "exercise" in cell.metadata.get("tags", [])]
    assert [cell.source.strip() for cell in answer_cells(release).values()] == [s.strip() for s in stubs]
    for cell in answer_cells(source).values():
        assert SOLUTION.search(cell.source), f"no solution in the source's answer cell {cell.source!r}"
    # one test cell with points per check, each calling the chapter's check
    checks = [cell.source for cell in original.cells if "check" in cell.metadata.get("tags", [])]
    tests = [cell for cell in release.cells if cell.metadata.get("nbgrader", {}).get("grade")]
    assert [cell.source.splitlines()[0] for cell in tests] == checks
    assert all(cell.metadata["nbgrader"]["points"] == 1 for cell in tests)
    # the notebook's own import cell is kept, so the checks come from wherever the course keeps them
    assert [c.source for c in release.cells if c.cell_type == "code" and "import" in c.source][0] == [
        c.source for c in original.cells if c.cell_type == "code" and "import" in c.source][0]


def test_the_hidden_test_is_in_the_source_only(course):
    source = (course / "source" / "ch01" / "01_one_neuron.ipynb").read_text()
    assert "### BEGIN HIDDEN TESTS" in source and "[3, -1, 2]" in source
    assert "[3, -1, 2]" not in (course / "release" / "ch01" / "01_one_neuron.ipynb").read_text()


@pytest.mark.parametrize("assignment", CHAPTERS)
def test_the_instructors_version_gets_full_marks(course, assignment):
    score, max_score, cells = scores(course, assignment, "instructor")
    assert max_score == len(PARTIAL[assignment]["scores"]) and score == max_score, cells


@pytest.mark.parametrize("assignment", CHAPTERS)
def test_an_untouched_release_gets_zero(course, assignment):
    score, max_score, cells = scores(course, assignment, "untouched")
    assert max_score == len(PARTIAL[assignment]["scores"]) and score == 0, cells


@pytest.mark.parametrize("assignment", CHAPTERS)
def test_a_partly_right_submission_gets_partial_marks_and_the_checks_message(course, assignment):
    student = PARTLY_RIGHT[assignment]
    score, max_score, cells = scores(course, assignment, student)
    assert cells == PARTIAL[assignment]["scores"]
    assert 0 < score < max_score
    feedback = course / "feedback" / student / assignment / f"{CHAPTERS[assignment]}.html"
    text = html.unescape(feedback.read_text(encoding="utf-8"))
    assert PARTIAL[assignment]["message"] in text, "the check's message is not in the feedback"
    if assignment == THROUGH_EXCHANGE:  # and the student got that feedback back through the exchange
        fetched = list((course.parent / "student" / assignment / "feedback").glob(f"*/{CHAPTERS[assignment]}.html"))
        assert len(fetched) == 1 and fetched[0].read_text(encoding="utf-8") == feedback.read_text(encoding="utf-8")
