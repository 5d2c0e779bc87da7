// Deterministic random numbers for the data generators: std::mt19937_64's raw output (fixed by
// the C++ standard) with our own transforms, so every standard library gives the same data.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>

namespace beltplan::tools {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // A generator for one stage of a pipeline, independent of how much other stages draw.
    static Rng for_stage(std::uint64_t seed, std::uint64_t stage) {
        return Rng(seed * 0x9E3779B97F4A7C15ULL + stage * 0xD1B54A32D192ED03ULL + 1);
    }

    std::uint64_t next() { return engine_(); }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform index in [0, n); n > 0.
    std::size_t index(std::size_t n) {
        return static_cast<std::size_t>(uniform() * static_cast<double>(n)) % n;
    }
    bool chance(double p) { return uniform() < p; }
    // Standard normal by Box-Muller (one value per call, two uniforms drawn).
    double normal() {
        const double u1 = 1.0 - uniform();  // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
    }
    // Log-normal with the given median and log-space sigma.
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

    static constexpr double kPi = 3.14159265358979323846;

private:
    std::mt19937_64 engine_;
};

}  // namespace beltplan::tools
