/// The Python function with which the prelude confines its own process in ``SandboxMode/landlock`` before the node
/// code runs, through `ctypes` (no helper binary to ship): `_nova_confine(rules)`, where `rules` holds `read` (paths
/// readable and executable, recursively), `devices` (files readable and writable) and `write` (directories where
/// anything may be done) and `proxy_port` (0: no network; else the egress proxy's port on 127.0.0.1, the one TCP port
/// the code may connect to, with TCP stream sockets the only ones it may create). Raises `OSError` when any step fails; the prelude then exits before the code runs.
///
/// Landlock handles every file-system right of the kernel's ABI, so nothing outside the rules can be read, listed,
/// written or executed (not `/proc`, so not `/proc/1/environ`; not nova's data); from ABI 4 it also denies every TCP
/// bind and connect, and from ABI 6 it scopes signals and abstract Unix sockets to the sandbox (so code running as
/// nova's own user cannot signal nova). Then `PR_SET_NO_NEW_PRIVS` and a seccomp filter that fails with `EPERM`:
/// `socket` (every family: no network, no Unix socket of another process; `socketpair` stays), `ptrace`,
/// `process_vm_*`, `kcmp`, `pidfd_getfd`, mounts and the new mount API, `unshare`, `setns`, `clone` with a
/// namespace flag, `pivot_root`, `chroot`, `setsid` and `setpgid` (the code stays in the process group nova kills),
/// `bpf`, `perf_event_open`, keyrings, `userfaultfd`, io_uring (it can open sockets), modules, kexec, swap, reboot,
/// `acct`, `quotactl` and file handles; `clone3` fails with `ENOSYS` so that libc falls back to `clone`, whose flags
/// the filter can see. With a proxy port, `socket` is allowed for `AF_INET`/`AF_INET6` `SOCK_STREAM` with protocol 0
/// or TCP only (no UDP, so no DNS or other traffic around the proxy), and Landlock allows connecting to that port
/// only; a kernel before ABI 4 cannot limit TCP, so the confinement fails. Any other architecture than the process's own (32-bit or x32 calls) kills the process.
enum PythonConfinement {
    /// The function's source, x86_64 and aarch64.
    static let source = #"""
        def _nova_confine(rules):
            import ctypes, platform, struct
            libc = ctypes.CDLL(None, use_errno=True)
            libc.syscall.restype = ctypes.c_long

            def call(name, *arguments):
                result = libc.syscall(*arguments)
                if result < 0:
                    number = ctypes.get_errno()
                    raise OSError(number, name + ": " + os.strerror(number))
                return result

            abi = call("landlock_create_ruleset", 444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
            every = (1 << (13 if abi < 2 else 14 if abi < 3 else 15 if abi < 5 else 16)) - 1
            file_rights = 7 | ((1 << 14) if abi >= 3 else 0)
            size = 8 if abi < 4 else 16 if abi < 6 else 24
            handled = struct.pack("QQQ", every, 3 if abi >= 4 else 0, 3 if abi >= 6 else 0)[:size]
            ruleset = call("landlock_create_ruleset", 444, handled, ctypes.c_size_t(size), ctypes.c_uint32(0))
            for key, rights in (("read", 13), ("devices", 6), ("write", every)):
                for path in rules[key]:
                    try:
                        descriptor = os.open(path, os.O_PATH | os.O_CLOEXEC)
                    except FileNotFoundError:
                        continue
                    allowed = rights if os.path.isdir(path) else rights & file_rights
                    try:
                        call("landlock_add_rule " + path, 445, ruleset, 1, struct.pack("=Qi", allowed, descriptor), ctypes.c_uint32(0))
                    finally:
                        os.close(descriptor)
            proxy_port = rules["proxy_port"]
            if proxy_port:
                if abi < 4:
                    raise OSError(0, "Landlock ABI %d cannot limit TCP connections to the egress proxy" % abi)
                call("landlock_add_rule tcp", 445, ruleset, 2, struct.pack("=QQ", 2, proxy_port), ctypes.c_uint32(0))
            if libc.prctl(38, 1, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
            call("landlock_restrict_self", 446, ruleset, ctypes.c_uint32(0))
            os.close(ruleset)

            machine = platform.machine()
            if machine == "x86_64":
                arch, clone, clone3 = 0xC000003E, 56, 435
                denied = (41, 101, 310, 311, 312, 438, 165, 166, 428, 429, 430, 431, 432, 442, 272, 308, 155, 161, 112, 109,
                          321, 298, 248, 249, 250, 323, 425, 426, 427, 175, 176, 313, 246, 320, 167, 168, 169, 163, 179, 303, 304)
            elif machine == "aarch64":
                arch, clone, clone3 = 0xC00000B7, 220, 435
                denied = (198, 117, 270, 271, 272, 438, 40, 39, 428, 429, 430, 431, 432, 442, 97, 268, 41, 51, 157, 154,
                          280, 241, 217, 218, 219, 282, 425, 426, 427, 105, 106, 273, 104, 294, 224, 225, 142, 89, 60, 264, 265)
            else:
                raise OSError(0, "no seccomp filter for " + machine)
            load, equal, at_least, any_bit, give = 0x20, 0x15, 0x35, 0x45, 0x06
            allow, refuse, absent, kill = 0x7FFF0000, 0x00050000 | 1, 0x00050000 | 38, 0x80000000
            program = [(load, 0, 0, 4), (equal, 1, 0, arch), (give, 0, 0, kill), (load, 0, 0, 0)]
            if machine == "x86_64":
                program += [(at_least, 0, 1, 0x40000000), (give, 0, 0, kill)]
            if proxy_port:
                stream_socket, denied = denied[0], denied[1:]
                program += [(equal, 0, 11, stream_socket), (load, 0, 0, 16), (equal, 1, 0, 2), (equal, 0, 6, 10),
                            (load, 0, 0, 24), (0x54, 0, 0, 0xFFF7F7FF), (equal, 0, 3, 1), (load, 0, 0, 32),
                            (equal, 2, 0, 0), (equal, 1, 0, 6), (give, 0, 0, refuse), (give, 0, 0, allow)]
            for number in denied:
                program += [(equal, 0, 1, number), (give, 0, 0, refuse)]
            program += [(equal, 0, 1, clone3), (give, 0, 0, absent), (equal, 0, 3, clone), (load, 0, 0, 16),
                        (any_bit, 0, 1, 0x7E020000), (give, 0, 0, refuse), (give, 0, 0, allow)]
            instructions = b"".join(struct.pack("HBBI", *instruction) for instruction in program)

            class Program(ctypes.Structure):
                _fields_ = [("length", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

            if libc.prctl(22, 2, ctypes.byref(Program(len(program), instructions)), 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "seccomp filter refused: " + os.strerror(ctypes.get_errno()))
        """#
}
