// Stopping a running analysis and reading how far it got, from another thread (the window
// runs suggestions off the frame). Analyses call check() in their outer loops and report a
// share done; a stop makes check() throw Stopped, which Strategy::run turns into an error.
#pragma once

#include <algorithm>
#include <atomic>
#include <stdexcept>

namespace beltplan::analysis {

// Thrown by RunControl::check() once a stop was asked.
class Stopped : public std::runtime_error {
public:
    Stopped() : std::runtime_error("stopped on request") {}
};

class RunControl {
public:
    void request_stop() noexcept { stop_.store(true, std::memory_order_relaxed); }
    bool stop_requested() const noexcept { return stop_.load(std::memory_order_relaxed); }
    // Throws Stopped when a stop was asked.
    void check() const {
        if (stop_requested()) {
            throw Stopped();
        }
    }
    // Share of the work done, 0..1; it only grows, so a bar never runs backwards.
    void report(double share) noexcept {
        const float s = static_cast<float>(std::clamp(share, 0.0, 1.0));
        float seen = progress_.load(std::memory_order_relaxed);
        while (s > seen && !progress_.compare_exchange_weak(seen, s, std::memory_order_relaxed)) {
        }
    }
    double progress() const noexcept { return progress_.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> stop_{false};
    std::atomic<float> progress_{0.f};
};

// The same on a control that may be absent (direct calls, tests, the CLI).
inline void check(const RunControl* control) {
    if (control != nullptr) {
        control->check();
    }
}
inline void report(RunControl* control, double share) {
    if (control != nullptr) {
        control->report(share);
    }
}

}  // namespace beltplan::analysis
