"""Old home of the grading kernels' provisioner; it lives in
:mod:`ccexercise.pipeline.integrity.sandbox_provisioner`.

Kept because an installed kit may still name this path: the ``ccexercise-sandbox``
entry point of an editable install made before the move points here until reinstalled.
"""

from .pipeline.integrity.sandbox_provisioner import SandboxProvisioner

__all__ = ["SandboxProvisioner"]
