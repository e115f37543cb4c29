"""A fork server for the tests' `statereport` command lines (conftest.run_cli): imports the command line and dbt once,
then forks a child for each command, so the suite's few hundred commands do not each pay Python's and dbt's imports
(about 1.3 s of CPU a command that reaches dbt). Each child is the command as a user runs it (`python -m
statereport.cli ARGS`): the environment, working folder, stdin, stdout and stderr of the request, the same program
name in click's messages, the same exit code, an uncaught error printed as a traceback with exit 1, and atexit
handlers run before it exits. Only imports happen before the fork: nothing reads the environment at import time
(the modules' constants come from files), and this process starts no thread, so forking it is safe.

Tests that need a process of their own (killed, raced, a faked module) start one with subprocess, as before.

Protocol, one JSON line each way on stdin/stdout: {"args", "env", "cwd", "stdout", "stderr"} (the last two are file
paths the child writes), answered by {"returncode"} when the child has ended."""

from __future__ import annotations

import atexit
import io
import json
import os
import sys
import traceback

PROGRAM_NAME = "python -m statereport.cli"  # what click names the program under `python -m statereport.cli`


def _child(request: dict) -> None:
    """Runs in the forked child; never returns."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for descriptor, path, flags in ((0, os.devnull, os.O_RDONLY),
                                        (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                        (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
            opened = os.open(path, flags, 0o600)
            os.dup2(opened, descriptor)
            os.close(opened)
        # New text streams on the redirected descriptors, as a fresh interpreter whose output is a file has them.
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8")
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace",
                                      line_buffering=True)
        sys.argv = [PROGRAM_NAME, *request["args"]]
        from statereport.cli import main

        try:
            main.main(args=request["args"], prog_name=PROGRAM_NAME)
            code = 0
        except SystemExit as stop:
            if stop.code is None:
                code = 0
            elif isinstance(stop.code, int):
                code = stop.code
            else:  # sys.exit("message"): the interpreter prints it and exits 1
                print(stop.code, file=sys.stderr)
                code = 1
        except BaseException:  # noqa: BLE001 - what the interpreter does with an uncaught error
            traceback.print_exc()
            code = 1
        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001 - the child must never return into the server's loop
        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001
                pass
        os._exit(code)


def serve() -> None:
    sys.path[0] = os.getcwd()  # as under `python -m`: the working folder first
    import statereport.cli  # noqa: F401 - the imports every command pays
    import dbt.adapters.duckdb  # noqa: F401 - imported lazily by the commands that build
    import dbt.adapters.duckdb.connections  # noqa: F401
    import dbt.cli.main  # noqa: F401
    import dbt.parser.manifest  # noqa: F401
    import duckdb  # noqa: F401

    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    answers.write(b'{"ready": true}\n')
    answers.flush()
    for line in requests:
        request = json.loads(line)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        child = os.fork()
        if child == 0:
            _child(request)
        _, status = os.waitpid(child, 0)
        answers.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}).encode() + b"\n")
        answers.flush()


if __name__ == "__main__":
    serve()
