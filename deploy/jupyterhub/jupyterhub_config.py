"""JupyterHub for one ccexercise course on one server (started by `ccexercise hub`).

`ccexercise hub` writes the settings this file reads (course path, roster,
passwords, limits) to <state>/hub.json and points CCEXERCISE_HUB_SETTINGS at
it; run by hand: `CCEXERCISE_HUB_SETTINGS=/srv/ccexercise-hub/hub.json
jupyterhub -f deploy/jupyterhub/jupyterhub_config.py` (as root).

Who gets what:
- the instructor: the whole course in ~/ccexercise (solutions, gradebook),
  nbgrader's Formgrader, and the `ccexercise` and `nbgrader` commands in the
  terminal; hub admin (may open learners' servers to help them).
- learners: lessons and data copied into ~/ccexercise on first login (files
  they already have are never overwritten); exercises arrive through the
  Assignments tab into ~/ccexercise/exercises, where the course map links.
  No Formgrader, no course list; home folders are private (mode 700).
- the nbgrader exchange: <state>/exchange, laid out as nbgrader documents
  (root 1777; inbound 2733 owned by the instructor, so nobody can list it);
  submissions are readable by their author and the instructor only
  (ccexercise.hub.exchange.PrivateSubmit).
- the live room (`ccexercise hub --room MODULE`): the service `room`, which the
  proxy serves at /services/room/ to anyone (phones have no account; the room
  asks for its join code). Only the instructor's server gets its local address
  and facilitator secret (CCEXERCISE_ROOM_URL / CCEXERCISE_ROOM_SECRET).

Limits: LocalProcessSpawner cannot enforce Spawner.mem_limit / cpu_limit
(they are only passed on as MEM_LIMIT / CPU_LIMIT). What IS enforced: every
user server, and each kernel it starts, runs under `prlimit --as` (an
address-space cap per process; an oversized allocation raises MemoryError
in that kernel only) and `--nproc` (processes per user), at `nice` priority
so the hub and proxy stay responsive. A per-user total memory or CPU share
needs cgroups (SystemdSpawner or Kubernetes: see deploy/kubernetes/).
"""

import asyncio
import os
import pwd
import sys
from pathlib import Path

from ccexercise.hub.room import ROOM_VARS, room_environment, room_service
from ccexercise.hub.settings import COURSE_FOLDER, load_settings

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)
s = load_settings()
state = Path(s.state)

# -- The hub itself -------------------------------------------------------------------
c.JupyterHub.ip = s.ip
c.JupyterHub.port = s.port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = s.port + 1                                   # the hub's own API
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s.port + 2}"   # the proxy's API
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = [s.proxy or "configurable-http-proxy"]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.cleanup_servers = True   # Ctrl-C stops every user server too (work is on disk)

# -- Who may log in -------------------------------------------------------------------
c.Authenticator.allowed_users = {s.instructor, *s.learners}
c.Authenticator.admin_users = {s.instructor}
if s.auth == "shared":
    # One workshop password for learners; the instructor has a separate long one.
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = s.user_password
    c.SharedPasswordAuthenticator.admin_password = s.admin_password
else:
    # Everyone's own password from the roster CSV (only salted hashes are kept).
    c.JupyterHub.authenticator_class = "ccexercise.hub.auth.RosterAuthenticator"
    c.RosterAuthenticator.password_hashes = s.password_hashes

# Switches for an organisation: put one of these in <state>/local_config.py (loaded
# last, below), install the package in the kit's environment, and keep
# allowed_users/admin_users as above or replace them with the provider's groups.
# Users still need a system account on this server (LocalProcessSpawner).
#
# OAuth (pip install oauthenticator), e.g. a company's OpenID Connect provider:
#   c.JupyterHub.authenticator_class = "oauthenticator.generic.LocalGenericOAuthenticator"
#   c.LocalGenericOAuthenticator.create_system_users = True
#   c.GenericOAuthenticator.client_id = "..."; c.GenericOAuthenticator.client_secret = "..."
#   c.GenericOAuthenticator.oauth_callback_url = "https://hub.example.org/hub/oauth_callback"
#   c.GenericOAuthenticator.authorize_url = "https://sso.example.org/authorize"
#   c.GenericOAuthenticator.token_url = "https://sso.example.org/token"
#   c.GenericOAuthenticator.userdata_url = "https://sso.example.org/userinfo"
#   c.GenericOAuthenticator.username_claim = "preferred_username"
#   (GitHub: "oauthenticator.github.LocalGitHubOAuthenticator", same client settings.)
#
# LDAP / Active Directory (pip install jupyterhub-ldapauthenticator):
#   c.JupyterHub.authenticator_class = "ldapauthenticator.LDAPAuthenticator"
#   c.LDAPAuthenticator.server_address = "ldaps://ldap.example.org"
#   c.LDAPAuthenticator.bind_dn_template = ["uid={username},ou=people,dc=example,dc=org"]
#   c.LDAPAuthenticator.use_ssl = True
#   (system accounts for LDAP users usually come from sssd/nslcd on the server.)
#
# LTI 1.3 from an LMS such as Moodle or Canvas (pip install jupyterhub-ltiauthenticator):
#   c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
#   c.LTI13Authenticator.issuer = "https://moodle.example.org"
#   c.LTI13Authenticator.authorize_url = "https://moodle.example.org/mod/lti/auth.php"
#   c.LTI13Authenticator.jwks_endpoint = "https://moodle.example.org/mod/lti/certs.php"
#   c.LTI13Authenticator.client_id = ["<client id the LMS gave this tool>"]
#   c.LTI13Authenticator.username_key = "email"   # or a custom claim
#   The LMS's tool settings: login URL https://hub.example.org/hub/lti13/oauth_login,
#   redirect https://hub.example.org/hub/lti13/oauth_callback, keyset
#   https://hub.example.org/hub/lti13/jwks.

# -- User servers: limits, the course copy, role settings -----------------------------
MEM_BYTES = s.mem_limit_mb * 1024 * 1024
c.Spawner.cmd = ["/usr/bin/prlimit", f"--as={MEM_BYTES}", f"--nproc={s.nproc_limit}", "--",
                 "/usr/bin/nice", "-n", str(s.nice), s.python, "-m", "ccexercise.hub.singleuser"]
c.Spawner.mem_limit = f"{s.mem_limit_mb}M"   # advisory here (MEM_LIMIT); enforced by prlimit
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
BIN = str(Path(s.python).parent)


async def copy_course(username, role):
    """Copy the staged course into the user's home, as that user, keeping what exists."""
    user = pwd.getpwnam(username)
    argv = ["/usr/bin/setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}",
            "--init-groups", "--", s.python, "-m", "ccexercise.hub.copy_course",
            s.staged(role), os.path.join(user.pw_dir, COURSE_FOLDER)]
    process = await asyncio.create_subprocess_exec(
        *argv, cwd=user.pw_dir, env={"HOME": user.pw_dir, "PATH": "/usr/bin:/bin"},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await process.communicate()
    if process.returncode:
        raise RuntimeError(f"copying the course for {username} failed: {output.decode()[-2000:]}")


async def pre_spawn_hook(spawner):
    name = spawner.user.name
    role = s.role(name)
    await copy_course(name, role)
    home = pwd.getpwnam(name).pw_dir
    course = os.path.join(home, COURSE_FOLDER)
    spawner.environment.update({
        "JUPYTER_CONFIG_PATH": s.config_dir(role),
        "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",
        "MALLOC_ARENA_MAX": "2",   # fewer malloc arenas: less address space per thread
        "CCEXERCISE_HUB_CWD": course if role == "instructor" else home,
    })
    for name in ROOM_VARS:   # the room's secret: the instructor's server only
        spawner.environment.pop(name, None)
    spawner.environment.update(room_environment(s, role))
    if role == "instructor":
        spawner.notebook_dir = course
        spawner.default_url = "/lab"
    else:
        spawner.notebook_dir = home
        spawner.default_url = f"/lab/tree/{COURSE_FOLDER}/course/index.ipynb"


c.Spawner.pre_spawn_hook = pre_spawn_hook

# -- Idle servers are stopped (their files stay) --------------------------------------
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={s.idle_timeout}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]

# -- The live room, when `ccexercise hub --room MODULE` asked for it -------------------
# No hub authentication (no oauth in the room): the proxy routes /services/room/ to
# it for everyone, so phones join without an account.
if s.room_module:
    c.JupyterHub.services.append(room_service(s, sys.executable))

# -- An organisation's own additions (authentication switches above) -------------------
if (state / "local_config.py").is_file():
    load_subconfig(str(state / "local_config.py"))  # noqa: F821
