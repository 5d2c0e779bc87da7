// Text files the CLI writes (pairs, difference tables): through a temporary file beside the
// target, renamed over it only once everything is written, so a failed write leaves what was
// there before.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace beltplan::app {

// Calls `write` on a stream to `<path>.tmp`, then renames it over `path`. False (and no
// temporary file left) when the file cannot be written or renamed.
bool write_text_file(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace beltplan::app
