/// The Python program the sandbox runs with `python3 -I -c`: it sets up the node code's world and runs it.
///
/// Arguments: CPU seconds, address-space bytes, file-size bytes, processes, `1` to print the whole context after the
/// code (else `0`), the ready and go descriptors (`-1` for none), `1` when the process limit must add the tasks its
/// user already has (no user namespace of its own: the kernel counts every process of the user, nova's threads too
/// when it is nova's user), nova's PID outside namespaces (`-1` under bubblewrap, which has `--die-with-parent`), the
/// working directory (empty: stay) and the JSON rules of ``PythonConfinement`` (empty: no confinement). Given nova's
/// PID it first arms its parent-death signal (`SIGKILL`) and exits (125) if its parent is already another process, so
/// a nova killed while the sandbox starts leaves nothing behind. It then counts those tasks (while `/proc` is readable), confines itself and enters the working
/// directory, so a confinement that fails ends the run before the ready byte, as a sandbox that did not start. It
/// writes one byte to the ready descriptor (so Nova knows the interpreter started) and, given a go descriptor, waits
/// for one byte on it (the network is being attached meanwhile); then it reads stdin — the base64 of the code and the
/// base64 of the context's UTF-8 JSON, one per line — closes inherited descriptors, applies the rlimits (hard and soft, so the code cannot raise them),
/// defines `context`, and runs the code as `<node>` (tracebacks show its lines without the prelude's frame).
/// Modules that only errors need are imported on error: every millisecond of start-up is paid by every node.
enum PythonPrelude {
    /// The prelude's source.
    static let source = #"""
        import binascii, builtins, json, os, resource, sys


        def _nova_tasks():
            count, user = 0, os.getuid()
            for entry in os.listdir("/proc"):
                try:
                    if entry.isdigit() and os.stat("/proc/" + entry).st_uid == user:
                        count += len(os.listdir("/proc/" + entry + "/task"))
                except OSError:
                    pass
            return count


        \#(PythonConfinement.source)


        def _nova_run():
            cpu, address_space, file_size, processes, print_context, ready, go, shared, parent = (int(a) for a in sys.argv[1:10])
            directory, rules = sys.argv[10:12]
            if parent > 0:
                import ctypes
                ctypes.CDLL(None).prctl(1, 9, 0, 0, 0)
                if os.getppid() != parent:
                    os._exit(125)
            if shared:
                processes += _nova_tasks()
            if rules:
                _nova_confine(json.loads(rules))
            if directory:
                os.chdir(directory)
            if ready >= 0:
                os.write(ready, b"1")
                os.close(ready)
            if go >= 0:
                attached = os.read(go, 1)
                os.close(go)
                if not attached:
                    os._exit(125)
            code_line, context_line = sys.stdin.buffer.read().split(b"\n")[:2]
            code = binascii.a2b_base64(code_line).decode("utf-8")
            context = json.loads(binascii.a2b_base64(context_line).decode("utf-8"))
            os.closerange(3, 256)
            sys.stdin = open(os.devnull)
            sys.stdout.reconfigure(encoding="utf-8", line_buffering=True)
            for limit, value in ((resource.RLIMIT_CPU, cpu), (resource.RLIMIT_AS, address_space),
                                 (resource.RLIMIT_FSIZE, file_size), (resource.RLIMIT_NPROC, processes),
                                 (resource.RLIMIT_CORE, 0)):
                resource.setrlimit(limit, (value, value))
            scope = {"__name__": "__main__", "__builtins__": builtins, "context": context}
            try:
                exec(compile(code, "<node>", "exec"), scope)
            except SystemExit:
                raise
            except BaseException as error:
                scope.clear()
                try:
                    import linecache, traceback
                    linecache.cache["<node>"] = (len(code), None, code.splitlines(True), "<node>")
                    traceback.print_exception(type(error), error, error.__traceback__.tb_next)
                except BaseException:
                    sys.stderr.write(f"{type(error).__name__}: {error}\n")
                sys.exit(1)
            if print_context:
                print(json.dumps(scope["context"], default=str))


        _nova_run()
        """#
}
