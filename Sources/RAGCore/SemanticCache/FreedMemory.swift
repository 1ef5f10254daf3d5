#if canImport(Glibc)
    import Glibc
#endif

/// Gives memory freed by the process back to the system.
enum FreedMemory {
    /// After a store is loaded, the buffers its rows were read into are freed, but glibc's allocator keeps those
    /// pages; `malloc_trim` (looked up at run time: Swift's Glibc module does not export `malloc.h`) returns them.
    static func release() {
        #if canImport(Glibc)
            typealias MallocTrim = @convention(c) (Int) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
