"""Print the link that gives each student their own copy of the course on a JupyterHub.

    python tools/nbgitpuller_link.py https://hub.example.edu
    python tools/nbgitpuller_link.py https://hub.example.edu --chapter 03_layer_of_neurons
    python tools/nbgitpuller_link.py https://hub.example.edu --repo https://github.com/you/course-students

A student who clicks the link logs in to the hub, nbgitpuller clones the repository into their home
folder (or merges the latest changes into their copy, keeping their own edits), and JupyterLab opens
the chapter. The hub must have nbgitpuller installed; see docs/teaching.md.
"""

from __future__ import annotations

import argparse
from urllib.parse import urlencode

if __package__:  # imported as tools.nbgitpuller_link (the doctests)
    from tools import navigation
else:  # run as `python tools/nbgitpuller_link.py`, which puts tools/ first on sys.path
    import navigation


def nbgitpuller_link(hub: str, repo: str, chapter: str = "00_start_here", branch: str = "main") -> str:
    """The nbgitpuller address that clones ``repo`` on ``hub`` and opens ``chapter`` in JupyterLab.

    >>> nbgitpuller_link("https://hub.example.edu/", "https://github.com/nn-by-hand/nn-by-hand")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fnn-by-hand%2Fnn-by-hand&branch=main&urlpath=lab%2Ftree%2Fnn-by-hand%2Fchapters%2F00_start_here.ipynb'
    >>> nbgitpuller_link("https://hub.example.edu", "/srv/course.git", "01_one_neuron").rsplit("=", 1)[-1]
    'lab%2Ftree%2Fcourse.git%2Fchapters%2F01_one_neuron.ipynb'
    """
    # where nbgitpuller clones it: the last part of the address, ".git" included if it has one
    folder = repo.rstrip("/").rsplit("/", 1)[-1]
    notebook = chapter if chapter.endswith(".ipynb") else f"{chapter}.ipynb"
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{folder}/chapters/{notebook}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("hub", help="your hub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", default=f"https://github.com/{navigation.repository()}",
                        help="the repository students get (default: this course)")
    parser.add_argument("--chapter", default="00_start_here", help="the chapter that opens (default: 00_start_here)")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args()
    chapters = {path.stem for path, _ in navigation.chapters()}
    if args.chapter.removesuffix(".ipynb") not in chapters:
        parser.error(f"no chapter {args.chapter!r}; the chapters are: {', '.join(sorted(chapters))}")
    print(nbgitpuller_link(args.hub, args.repo, args.chapter, args.branch))


if __name__ == "__main__":
    main()
