// The data a plugin child process sends back to beltplan over a pipe: its strategy's
// description, a suggestion, an error or progress, as tagged, length-prefixed binary records.
// The parent reads untrusted bytes: every read is bounds-checked and a short or malformed
// message is a failure, never a crash.
#pragma once

#include "analysis/strategy.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beltplan::app::wire {

// What a strategy says about itself (read once, by a probe child).
struct StrategyInfo {
    std::string name;
    std::string description;
    std::vector<analysis::ParamSpec> params;
};

enum class Tag : char {
    kInfo = 'I',        // StrategyInfo
    kSuggestion = 'S',  // analysis::Suggestion
    kError = 'E',       // core::Error
    kProgress = 'P',    // a share done, 0..1
};

// One record: tag, then 8-byte length, then the payload.
std::string encode(const StrategyInfo& info);
std::string encode(const analysis::Suggestion& s);
std::string encode(const core::Error& e);
std::string encode_progress(double share);

// A decoded record.
struct Message {
    Tag tag = Tag::kError;
    std::optional<StrategyInfo> info;
    std::optional<analysis::Suggestion> suggestion;
    std::optional<core::Error> error;
    double progress = 0;
};

// Splits complete records off the front of `buffer` (which keeps any partial tail).
// nullopt when the bytes are malformed.
std::optional<std::vector<Message>> take_messages(std::string& buffer);

}  // namespace beltplan::app::wire
