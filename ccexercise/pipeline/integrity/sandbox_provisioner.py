"""A Jupyter kernel provisioner that starts grading kernels inside a sandbox.

It is registered under the ``jupyter_client.kernel_provisioners`` entry
point as ``ccexercise-sandbox`` and chosen by a kernelspec whose
``kernel.json`` carries::

    "metadata": {"kernel_provisioner": {"provisioner_name": "ccexercise-sandbox",
                                        "config": {"mode": "bubblewrap", ...}}}

:mod:`.sandbox` writes such kernelspecs and builds the
command lines; this class only plugs them into jupyter_client:

* ``mode="bubblewrap"``: the kernel talks over the ``ipc`` transport, with
  its connection file and sockets in a short private folder of its own
  (the network namespace has no loopback to the grader), and its command
  is wrapped in ``prlimit --as=... bwrap ...``;
* ``mode="limit"``: no sandbox; the kernel only gets the address-space cap.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from typing import Any

from jupyter_client.provisioning import LocalProvisioner
from traitlets import Dict, Integer, List, Unicode

__all__ = ["SandboxProvisioner", "clean_stale_socket_dirs"]

#: Where the kernels' private socket folders go (short paths: unix sockets allow 107 bytes).
SOCKET_ROOT = "/tmp"


def clean_stale_socket_dirs(root: str = SOCKET_ROOT) -> list[str]:
    """Remove socket folders (``ccx<pid>-*``) whose grading process is gone; return them.

    A grader killed with ``kill -9`` cannot clean up after its kernels; the
    next run does. Folders of a process still alive are left alone.
    """
    removed = []
    for path in glob.glob(os.path.join(root, "ccx*-*")):
        pid = os.path.basename(path)[3:].split("-", 1)[0]
        if not pid.isdigit() or not os.path.isdir(path) or os.path.islink(path):
            continue
        try:
            os.kill(int(pid), 0)
            continue                      # still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue                      # alive, someone else's
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed

class SandboxProvisioner(LocalProvisioner):  # type: ignore[misc]
    """Local provisioner that wraps the kernel command in a sandbox (see module docs)."""

    mode = Unicode("bubblewrap", help="'bubblewrap' or 'limit' (memory cap only)").tag(config=True)
    memory_mb = Integer(0, help="address-space cap of the kernel in MiB (0: none)").tag(config=True)
    hide = List(Unicode(), help="folders hidden behind empty read-only tmpfs").tag(config=True)
    hide_files = List(Unicode(), help="files hidden behind /dev/null").tag(config=True)
    expose = List(Unicode(), help="folders shown again, read-only, after hiding").tag(config=True)
    env = Dict(help="the kernel's whole environment (bubblewrap starts from an empty one)"
               ).tag(config=True)
    passthrough = List(Unicode(), help="variables copied from the launch environment"
                       ).tag(config=True)
    tmpfs_mb = Integer(256, help="size of the sandbox's writable /tmp in MiB").tag(config=True)
    bwrap = Unicode("bwrap", help="bubblewrap executable").tag(config=True)
    run_as = Integer(None, allow_none=True,
                     help="uid to run the kernel as (root only; None: a user namespace)"
                     ).tag(config=True)

    _private: str | None = None
    _chowned: list | None = None

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        from . import sandbox

        km = self.parent
        if self.mode == "bubblewrap" and km is not None and not self._private:
            # Unix sockets are limited to 107 bytes: keep the folder short.
            # The grader's pid is in the name, so a later run can tell a folder left by a
            # killed grader (kill -9 skips cleanup) from one in use: clean_stale_socket_dirs().
            self._private = tempfile.mkdtemp(prefix=f"ccx{os.getpid()}-", dir=SOCKET_ROOT)
            km.transport = "ipc"
            km.ip = os.path.join(self._private, "k")
            km.connection_file = os.path.join(self._private, "c.json")
            km.cache_ports = False
        kwargs = await super().pre_launch(**kwargs)
        # What the kernel prints to its own stdout (ipykernel's "To connect another
        # client..." banner, learner code writing to file descriptor 1) is not the
        # grader's output: it would flood the instructor's terminal or a Dask worker's log.
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        if self.mode == "bubblewrap":
            if self.run_as is not None and self._private:
                # The kernel runs as an unprivileged user: it must read its connection
                # file, create its sockets and write in the submission's folder.
                self._chowned = [(path, os.stat(path)) for path in (cwd,)]
                for path in (self._private, km.connection_file, cwd):
                    os.chown(path, self.run_as, self.run_as)
            kwargs["cmd"] = sandbox.bubblewrap_argv(
                kwargs["cmd"], cwd=cwd, private_dir=self._private or cwd,
                memory_mb=self.memory_mb, hide=self.hide, hide_files=self.hide_files,
                expose=self.expose, env=sandbox.kernel_env(self.env, kwargs.get("env") or {},
                                                           self.passthrough),
                tmpfs_mb=self.tmpfs_mb, bwrap=self.bwrap, run_as=self.run_as)
        else:
            kwargs["cmd"] = sandbox.limit_argv(kwargs["cmd"], self.memory_mb)
            if self.memory_mb and kwargs.get("env") is not None:
                kwargs["env"] = dict(kwargs["env"], **{
                    k: v for k, v in sandbox.CAPPED_ENV.items() if k not in kwargs["env"]})
        return kwargs

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if not restart and self._private:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None
        if not restart and self._chowned:
            for path, before in self._chowned:
                try:
                    os.chown(path, before.st_uid, before.st_gid)
                except OSError:
                    pass
            self._chowned = None
