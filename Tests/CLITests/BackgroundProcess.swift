import Foundation

/// A child process whose output is collected while it runs.
final class BackgroundProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    private var readers: [Thread] = []

    private var input: Pipe?

    /// Starts `executable` with `arguments` in the package root; stdin is closed unless `stdin` is true
    /// (then ``write(_:)`` feeds it).
    init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], stdin: Bool = false) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Kolbot.packageRoot
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        if stdin {
            let pipe = Pipe()
            input = pipe
            process.standardInput = pipe
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
            let t = Thread { [self] in
                let handle = pipe.fileHandleForReading
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.lock()
                    if isOut { out.append(chunk) } else { err.append(chunk) }
                    lock.unlock()
                }
            }
            t.start()
            readers.append(t)
        }
    }

    /// Starts kolbot with `arguments`.
    static func kolbot(_ arguments: [String], environment: [String: String] = [:], stdin: Bool = false) throws -> BackgroundProcess {
        try BackgroundProcess(Kolbot.executable, arguments, environment: environment, stdin: stdin)
    }

    /// Writes a line to the process's standard input.
    func write(_ line: String) {
        input?.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }

    /// Waits until stdout has a first complete line, and returns it.
    func firstLine(timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let nl = stdout.firstIndex(of: "\n") { return String(stdout[..<nl]) }
            if !process.isRunning { break }
            usleep(20_000)
        }
        throw TestFailure("no first line from \(process.arguments ?? []); stderr: \(stderr.suffix(2000))")
    }

    /// Waits until stderr contains `text`.
    func waitForLog(_ text: String, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return }
            if !process.isRunning { break }
            usleep(50_000)
        }
        throw TestFailure("'\(text)' not logged by \(process.arguments ?? []); stderr: \(stderr.suffix(2000))")
    }

    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// Waits for the exit; returns the status, or nil on timeout (the process is then killed).
    func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            signal(SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// Stops the process if it still runs.
    func stop() {
        if process.isRunning {
            signal(SIGTERM)
            if waitForExit(timeout: 10) == nil { return }
        }
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Runs a program (e.g. kcat) to completion with `stdin`.
func runTool(_ path: String, _ arguments: [String], stdin: String = "", timeout: TimeInterval = 60) throws -> (status: Int32, stdout: String, stderr: String) {
    let p = try BackgroundProcessWithInput(path, arguments, stdin: stdin)
    return p.finish(timeout: timeout)
}

/// A short-lived child fed from a string.
struct BackgroundProcessWithInput {
    let bg: BackgroundProcess

    init(_ path: String, _ arguments: [String], stdin: String) throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("kolbot-stdin-\(UUID().uuidString)")
        try stdin.write(to: input, atomically: true, encoding: .utf8)
        bg = try BackgroundProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" \"$@\" < '\(input.path)'", path] + arguments)
    }

    func finish(timeout: TimeInterval) -> (status: Int32, stdout: String, stderr: String) {
        let status = bg.waitForExit(timeout: timeout) ?? -1
        usleep(100_000)
        return (status, bg.stdout, bg.stderr)
    }
}

/// The path of a program on PATH.
func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}
