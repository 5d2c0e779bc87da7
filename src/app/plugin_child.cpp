// fork + pipe + poll for plugin children, and the plugin opening that only a child does.
#include "app/plugin_child.h"

#include "core/messages.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

namespace beltplan::app::child {
namespace {

std::string refuse(core::ErrorCode code, const std::string& path, const std::string& what) {
    return core::tr("trust.plugin_refused", {path, what, std::to_string(core::code_number(code))});
}

void read_until_done(int fd, pid_t pid, analysis::RunControl* control, Outcome& outcome) {
    std::string buffer;
    char chunk[65536];
    for (;;) {
        if (control != nullptr && control->stop_requested()) {
            ::kill(pid, SIGKILL);
            outcome.cancelled = true;
            return;
        }
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        if (ready < 0 && errno != EINTR) {
            return;
        }
        if (ready <= 0) {
            continue;
        }
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            outcome.malformed = outcome.malformed || !buffer.empty();  // a cut-off record
            return;
        }
        buffer.append(chunk, static_cast<std::size_t>(n));
        auto messages = wire::take_messages(buffer);
        if (!messages) {
            outcome.malformed = true;
            ::kill(pid, SIGKILL);
            return;
        }
        for (wire::Message& m : *messages) {
            if (m.tag == wire::Tag::kProgress && control != nullptr) {
                control->report(m.progress);
            } else if (m.tag != wire::Tag::kProgress) {
                outcome.messages.push_back(std::move(m));
            }
        }
    }
}

}  // namespace

bool send(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

Outcome run(const std::function<void(int fd)>& work, analysis::RunControl* control) {
    Outcome outcome;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        outcome.started = false;
        outcome.problem = std::strerror(errno);
        return outcome;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        outcome.started = false;
        outcome.problem = std::strerror(errno);
        ::close(fds[0]);
        ::close(fds[1]);
        return outcome;
    }
    if (pid == 0) {
        ::close(fds[0]);
        ::signal(SIGPIPE, SIG_DFL);
        try {
            work(fds[1]);
        } catch (...) {
            send(fds[1], wire::encode(core::Error{
                             core::ErrorCode::kInternal, core::tr("trust.plugin_threw"), {}}));
        }
        ::_exit(0);  // no atexit handlers, no flush of the parent's buffers
    }
    ::close(fds[1]);
    read_until_done(fds[0], pid, control, outcome);
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) {
        outcome.signal = WTERMSIG(status);
    } else if (WIFEXITED(status)) {
        outcome.exit_status = WEXITSTATUS(status);
    }
    return outcome;
}

analysis::Strategy* open_plugin(const std::string& path, std::string& problem,
                                core::ErrorCode& code) {
    code = core::ErrorCode::kPluginLoad;
    void* library = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = ::dlerror();
        problem = refuse(code, path, core::tr("trust.plugin_not_opened", {why ? why : "?"}));
        return nullptr;
    }
    auto entry =
        reinterpret_cast<BeltplanPluginEntry>(::dlsym(library, BELTPLAN_PLUGIN_ENTRY_SYMBOL));
    if (entry == nullptr) {
        problem =
            refuse(code, path, core::tr("trust.plugin_no_entry", {BELTPLAN_PLUGIN_ENTRY_SYMBOL}));
        return nullptr;
    }
    const BeltplanPluginDescriptor* d = entry();
    if (d == nullptr) {
        problem = refuse(code, path, core::tr("trust.plugin_no_descriptor"));
        return nullptr;
    }
    if (d->api_version != BELTPLAN_PLUGIN_API_VERSION) {
        code = core::ErrorCode::kPluginVersion;
        problem =
            refuse(code, path,
                   core::tr("trust.plugin_version", {std::to_string(d->api_version),
                                                     std::to_string(BELTPLAN_PLUGIN_API_VERSION)}));
        return nullptr;
    }
    analysis::Strategy* s = d->create != nullptr && d->destroy != nullptr ? d->create() : nullptr;
    if (s == nullptr) {
        problem = refuse(code, path, core::tr("trust.plugin_not_created"));
    }
    return s;  // never destroyed: the child _exits
}

void probe(const std::string& path, int fd) {
    std::string problem;
    core::ErrorCode code = core::ErrorCode::kPluginLoad;
    analysis::Strategy* s = open_plugin(path, problem, code);
    if (s == nullptr) {
        send(fd, wire::encode(core::Error{code, problem, {}}));
        return;
    }
    try {
        send(fd, wire::encode(wire::StrategyInfo{s->name(), s->description(), s->params()}));
    } catch (const std::exception& e) {
        send(
            fd,
            wire::encode(core::Error{
                code, refuse(code, path, core::tr("trust.plugin_not_described", {e.what()})), {}}));
    }
}

void compute(const std::string& path, const core::Plan& plan, const analysis::Params& params,
             int fd) {
    std::string problem;
    core::ErrorCode code = core::ErrorCode::kPluginLoad;
    analysis::Strategy* s = open_plugin(path, problem, code);
    if (s == nullptr) {
        send(fd, wire::encode(core::Error{code, problem, {}}));
        return;
    }
    analysis::RunControl control;
    std::mutex pipe;
    std::atomic<bool> done{false};
    std::thread reporter([&] {
        double sent = 0;
        while (!done.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const double now = control.progress();
            if (now > sent) {
                std::lock_guard<std::mutex> hold(pipe);
                send(fd, wire::encode_progress(now));
                sent = now;
            }
        }
    });
    core::Result<analysis::Suggestion> result = s->run(plan, params, &control);
    done.store(true);
    reporter.join();
    std::lock_guard<std::mutex> hold(pipe);
    send(fd, result ? wire::encode(*result) : wire::encode(result.error()));
}

}  // namespace beltplan::app::child
