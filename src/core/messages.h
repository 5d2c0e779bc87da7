// The one catalogue of every sentence a user reads (CLI, window, maps, tables), in Chinese and
// English. Keys are dotted names ("import.no_code_field"); texts carry {0}..{9} placeholders.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace beltplan::core {

enum class Language { kChinese, kEnglish };

// The language messages are produced in; English until set. Not thread-safe to change while
// other threads translate: set it once at start-up (the CLI) or between frames (the window).
void set_language(Language language);
Language language();

// Chinese when LC_ALL, else LC_MESSAGES, else LANG starts with "zh"; English otherwise.
// BELTPLAN_LANG=zh|en overrides all of them.
Language language_from_environment();

// The text of `key` in the current language with {i} replaced by args[i]. An unknown key
// returns the key itself (and a test fails: tests/check_catalogue.py).
std::string tr(std::string_view key, std::initializer_list<std::string> args = {});
// The same in a given language (exports and maps may be asked for in a language of their own).
std::string tr_in(Language language, std::string_view key,
                  std::initializer_list<std::string> args = {});
// True when the catalogue holds `key`.
bool has_message(std::string_view key);

// One row of the catalogue.
struct MessageRow {
    const char* key;
    const char* zh;
    const char* en;
};

// Every row of every part of the catalogue (for the consistency test and the font atlas).
std::vector<MessageRow> all_messages();

// Problems of the catalogue: duplicate keys, empty texts, placeholders that differ between
// the two languages. Empty when consistent.
std::vector<std::string> catalogue_problems();

}  // namespace beltplan::core
