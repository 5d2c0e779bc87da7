// The catalogue lookup: the parts in catalogue/*.inc gathered into one table, a key looked up
// once per call, placeholders replaced.
#include "core/messages.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <unordered_map>

namespace beltplan::core {
namespace {

// Each part is one area's rows; one file per area keeps the edits of separate work apart.
// clang-format off
const MessageRow kCommon[] = {
#include "core/catalogue/common.inc"
};
const MessageRow kImport[] = {
#include "core/catalogue/import.inc"
};
const MessageRow kTrust[] = {
#include "core/catalogue/trust.inc"
};
const MessageRow kAnalysis[] = {
#include "core/catalogue/analysis.inc"
};
const MessageRow kWindow[] = {
#include "core/catalogue/window.inc"
};
const MessageRow kOutputs[] = {
#include "core/catalogue/outputs.inc"
};
const MessageRow kRoads[] = {
#include "core/catalogue/roads.inc"
};
// clang-format on

template <std::size_t N>
void append(std::vector<MessageRow>& rows, const MessageRow (&part)[N]) {
    for (const MessageRow& row : part) {
        if (row.key != nullptr) {  // each part ends with a {nullptr, ...} sentinel row
            rows.push_back(row);
        }
    }
}

std::vector<MessageRow> gather() {
    std::vector<MessageRow> rows;
    append(rows, kCommon);
    append(rows, kImport);
    append(rows, kTrust);
    append(rows, kAnalysis);
    append(rows, kWindow);
    append(rows, kOutputs);
    append(rows, kRoads);
    return rows;
}

const std::unordered_map<std::string_view, const MessageRow*>& index() {
    static const std::vector<MessageRow> rows = gather();
    static const std::unordered_map<std::string_view, const MessageRow*> map = [] {
        std::unordered_map<std::string_view, const MessageRow*> m;
        for (const MessageRow& row : rows) {
            m.emplace(row.key, &row);
        }
        return m;
    }();
    return map;
}

Language g_language = Language::kEnglish;

bool starts_with_zh(const char* value) {
    return value != nullptr && (value[0] == 'z' || value[0] == 'Z') &&
           (value[1] == 'h' || value[1] == 'H');
}

// The placeholder numbers used in a text, as a sorted set.
std::set<int> placeholders(const char* text) {
    std::set<int> found;
    for (const char* p = text; *p != '\0'; ++p) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            found.insert(p[1] - '0');
        }
    }
    return found;
}

std::string substitute(const char* text, std::initializer_list<std::string> args) {
    std::string out;
    const std::string* values = args.begin();
    const std::size_t n = args.size();
    for (const char* p = text; *p != '\0'; ++p) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            const auto i = static_cast<std::size_t>(p[1] - '0');
            if (i < n) {
                out += values[i];
            } else {
                out.append(p, 3);
            }
            p += 2;
        } else {
            out += *p;
        }
    }
    return out;
}

}  // namespace

void set_language(Language language) {
    g_language = language;
}

Language language() {
    return g_language;
}

Language language_from_environment() {
    if (const char* forced = std::getenv("BELTPLAN_LANG"); forced != nullptr && *forced != '\0') {
        return starts_with_zh(forced) ? Language::kChinese : Language::kEnglish;
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return starts_with_zh(value) ? Language::kChinese : Language::kEnglish;
        }
    }
    return Language::kEnglish;
}

std::string tr_in(Language language, std::string_view key,
                  std::initializer_list<std::string> args) {
    const auto& map = index();
    const auto it = map.find(key);
    if (it == map.end()) {
        return std::string(key);
    }
    const MessageRow& row = *it->second;
    return substitute(language == Language::kChinese ? row.zh : row.en, args);
}

std::string tr(std::string_view key, std::initializer_list<std::string> args) {
    return tr_in(g_language, key, args);
}

bool has_message(std::string_view key) {
    return index().count(key) > 0;
}

std::vector<MessageRow> all_messages() {
    return gather();
}

std::vector<std::string> catalogue_problems() {
    std::vector<std::string> problems;
    std::set<std::string> seen;
    for (const MessageRow& row : gather()) {
        const std::string key = row.key;
        if (!seen.insert(key).second) {
            problems.push_back("duplicate key " + key);
        }
        if (row.zh == nullptr || row.en == nullptr || *row.zh == '\0' || *row.en == '\0') {
            problems.push_back("empty text for " + key);
            continue;
        }
        if (placeholders(row.zh) != placeholders(row.en)) {
            problems.push_back("placeholders differ between Chinese and English in " + key);
        }
    }
    return problems;
}

}  // namespace beltplan::core
