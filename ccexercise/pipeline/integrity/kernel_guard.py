"""The kernel guard: sent into the learner's kernel as source, it detects (and undoes) tampering.

It no longer decides any verdict (tests are judged in :mod:`.judge`); it
reports what learner code had changed, for the ``runtime-tampering`` flag.
"""

from __future__ import annotations

__all__ = ["_kernel_guard"]


def _kernel_guard(token):
    """Runs inside the grading kernel before any learner code (sent as source).

    Installs ``_ccx_<token>()`` in builtins: it puts back, by identity, what
    learner code might have replaced: the ``ccexercise`` modules (their
    attributes, the functions' code and the classes' attributes), the
    comparison tables of ``ccexercise.grading``, ``builtins``, ``math``,
    ``numpy``, the import system entries of ``sys``, trace functions, and
    IPython's hooks (events, AST and input transformers, methods of the
    shell and the kernel). Only C-level methods captured here are used
    afterwards, so learner code cannot redirect the restore itself.
    """
    import builtins
    import importlib
    import sys
    import types

    shell = get_ipython()  # noqa: F821 - provided by IPython
    kernel = getattr(shell, "kernel", None)
    for name in ("ccexercise", "ccexercise.grading", "ccexercise.lost_customers",
                 "ccexercise.checks", "math", "numpy"):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001
            pass
    modules_dict = sys.modules
    d_get, d_set, d_del, d_items, d_clear, d_update = (dict.get, dict.__setitem__,
                                                       dict.__delitem__, dict.items,
                                                       dict.clear, dict.update)
    l_set, t_setattr, t_delattr, o_setattr = (list.__setitem__, type.__setattr__,
                                              type.__delattr__, object.__setattr__)
    l_copy, is_callable = list.copy, callable
    settrace, setprofile, gettrace, getprofile = (sys.settrace, sys.setprofile, sys.gettrace,
                                                  sys.getprofile)
    code_attr = types.FunctionType.__code__
    defaults_attr = types.FunctionType.__defaults__
    kwdefaults_attr = types.FunctionType.__kwdefaults__
    trusted = ("IPython", "ipykernel", "matplotlib", "matplotlib_inline", "ipywidgets", "comm",
               "traitlets", "jupyter_client", "zmq", "debugpy", "ccexercise", "pandas", "numpy")

    protected = {name: module for name, module in list(modules_dict.items())
                 if name == "ccexercise" or name.startswith("ccexercise.")}
    for name in ("math", "numpy", "builtins"):
        if name in modules_dict:
            protected[name] = modules_dict[name]
    module_snaps = [(module, module.__dict__, dict(module.__dict__))
                    for module in protected.values()]
    added_forbidden = [protected[n].__dict__ for n in ("ccexercise.grading",) if n in protected]
    functions, classes, containers = [], [], []
    for name, module in protected.items():
        if not name.startswith("ccexercise"):
            continue
        for key, value in list(module.__dict__.items()):
            kind = type(value)
            if kind is types.FunctionType and value.__module__ == name:
                functions.append((value, value.__code__, value.__defaults__,
                                  value.__kwdefaults__))
            elif isinstance(value, type) and value.__module__ == name:
                classes.append((value, dict(value.__dict__)))
            elif name == "ccexercise.grading" and kind in (dict, list) \
                    and not key.startswith("__"):
                containers.append((value, kind(value)))
    sys_keys = ("modules", "meta_path", "path_hooks", "path_importer_cache", "settrace",
                "setprofile", "gettrace", "getprofile", "addaudithook")
    # What IPython itself swaps in and out around every execution; not learner tampering,
    # and no verdict depends on it (tests run in the judge).
    churn = frozenset({"_", "__", "___", "get_ipython", "input", "getpass", "display",
                       "sys_excepthook"})
    sys_dict = sys.__dict__
    sys_snap = {k: sys_dict[k] for k in sys_keys if k in sys_dict}
    sys_lists = [(sys.meta_path, list(sys.meta_path)), (sys.path_hooks, list(sys.path_hooks))]
    trace, profile = gettrace(), getprofile()
    hook_classes = []
    for obj in (shell, kernel):
        if obj is None:
            continue
        for cls in type(obj).__mro__:
            if cls is not object and cls.__module__.split(".")[0] in trusted:
                hook_classes.append((cls, dict(cls.__dict__)))
    instances = [(obj, obj.__dict__, dict(obj.__dict__)) for obj in (shell, kernel)
                 if obj is not None]
    user_ns = shell.user_ns
    hook_lists = [shell.ast_transformers, shell.input_transformers_post,
                  shell.input_transformer_manager.cleanup_transforms,
                  shell.input_transformer_manager.line_transforms,
                  *shell.events.callbacks.values()]
    hook_snaps = [(lst, l_copy(lst)) for lst in hook_lists]
    custom_exceptions = shell.custom_exceptions

    def is_trusted(callback):
        func = getattr(callback, "__func__", callback)
        module = getattr(func, "__module__", None) or ""
        return isinstance(module, str) and module.split(".")[0] in trusted

    def restore():
        """Put everything back; return the kinds of things that had to be put back."""
        fixed = []
        for name, module in d_items(protected):
            if d_get(modules_dict, name) is not module:
                d_set(modules_dict, name, module)
                fixed.append("sys.modules")
        for module, mdict, snap in module_snaps:
            for key, value in d_items(snap):
                if key in churn:
                    continue
                if d_get(mdict, key, restore) is not value:
                    d_set(mdict, key, value)
                    fixed.append("module attributes")
        for mdict in added_forbidden:
            for key in [k for k in mdict if k not in module_snaps_keys]:
                d_del(mdict, key)
                fixed.append("module attributes")
        for func, code, defaults, kwdefaults in functions:
            if code_attr.__get__(func) is not code:
                code_attr.__set__(func, code)
                fixed.append("function code")
            if defaults_attr.__get__(func) is not defaults:
                defaults_attr.__set__(func, defaults)
                fixed.append("function defaults")
            if kwdefaults_attr.__get__(func) is not kwdefaults:
                kwdefaults_attr.__set__(func, kwdefaults)
                fixed.append("function defaults")
        for cls, snap in classes + hook_classes:
            current = cls.__dict__
            for key, value in d_items(snap):
                if current.get(key, restore) is not value:
                    try:
                        t_setattr(cls, key, value)
                        fixed.append("class methods")
                    except (AttributeError, TypeError):
                        pass
            for key in [k for k in current if k not in snap]:
                try:
                    t_delattr(cls, key)
                    fixed.append("class methods")
                except (AttributeError, TypeError):
                    pass
        for container, snap in containers:
            if type(container) is dict:
                if len(container) != len(snap) or any(d_get(container, k, restore) is not v
                                                       for k, v in d_items(snap)):
                    d_clear(container)
                    d_update(container, snap)
                    fixed.append("grading tables")
            elif len(container) != len(snap) or any(a is not b for a, b in zip(container, snap)):
                l_set(container, slice(None), snap)
                fixed.append("grading tables")
        for key, value in d_items(sys_snap):
            if d_get(sys_dict, key, restore) is not value:
                d_set(sys_dict, key, value)
                fixed.append("sys hooks")
        for lst, snap in sys_lists:
            if len(lst) != len(snap) or any(a is not b for a, b in zip(lst, snap)):
                l_set(lst, slice(None), snap)
                fixed.append("import system")
        if gettrace() is not trace:
            settrace(trace)
            fixed.append("trace function")
        if getprofile() is not profile:
            setprofile(profile)
            fixed.append("profile function")
        for obj, idict, snap in instances:
            for key in list(idict):
                value = d_get(idict, key)
                if key in churn:
                    continue
                if key in snap:
                    if value is not snap[key] and is_callable(snap[key]):
                        d_set(idict, key, snap[key])
                        fixed.append("shell or kernel methods")
                elif is_callable(value):
                    d_del(idict, key)
                    fixed.append("shell or kernel methods")
        for lst, snap in hook_snaps:
            keep = [item for item in lst if any(item is s for s in snap) or is_trusted(item)]
            if len(keep) != len(lst):
                l_set(lst, slice(None), keep)
                fixed.append("IPython transformers or event callbacks")
        if shell.custom_exceptions is not custom_exceptions or custom_exceptions:
            o_setattr(shell, "custom_exceptions", ())
            fixed.append("custom exception handler")
        if d_get(user_ns, "__builtins__") is not builtins:
            d_set(user_ns, "__builtins__", builtins)
            fixed.append("builtins")
        return sorted(set(fixed))

    module_snaps_keys = set(protected["ccexercise.grading"].__dict__) \
        if "ccexercise.grading" in protected else set()
    builtins.__dict__["_ccx_" + token] = restore
    # The snapshot of builtins must include the restore function itself.
    for module, mdict, snap in module_snaps:
        if module is builtins:
            snap["_ccx_" + token] = restore
