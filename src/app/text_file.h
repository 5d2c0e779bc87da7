// Text files the CLI writes (pairs, difference tables): through core::SafeFile, so a failed
// write leaves what was there before and says why.
#pragma once

#include "core/result.h"

#include <functional>
#include <ostream>
#include <string>

namespace beltplan::app {

// Calls `write` on a stream to a temporary file beside `path`, then renames it over `path`.
core::Status write_text_file(const std::string& path,
                             const std::function<void(std::ostream&)>& write);

}  // namespace beltplan::app
