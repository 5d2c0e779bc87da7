// write_text_file: the CLI's text outputs through the one safe writer.
#include "app/text_file.h"

#include "core/safe_file.h"

namespace beltplan::app {

core::Status write_text_file(const std::string& path,
                             const std::function<void(std::ostream&)>& write) {
    return core::write_file_atomically(path, write);
}

}  // namespace beltplan::app
