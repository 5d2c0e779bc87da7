// write_text_file: write to <path>.tmp, flush, rename over the target.
#include "app/text_file.h"

#include <filesystem>
#include <fstream>

namespace beltplan::app {

bool write_text_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (out) {
            write(out);
        }
        if (!out.flush()) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace beltplan::app
