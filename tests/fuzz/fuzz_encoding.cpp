// Fuzz target: the encoding detector and decoders on any bytes (the first part is the .cpg
// text, the rest a sampled DBF string); beyond not crashing, what they promise is checked:
// sanitize_utf8 and decode_lossy always return valid UTF-8.
#include "fuzz_support.h"
#include "io/encoding.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace beltplan::io;
    const auto parts = beltplan::fuzz::split(data, size, 2);
    EncodingEvidence evidence;
    evidence.has_cpg = !parts[0].empty();
    evidence.cpg_text = std::string(parts[0]);
    evidence.dbf_ldid = size > 0 ? data[0] : -1;
    evidence.sample.add(parts[1]);
    beltplan::core::Result<EncodingChoice> choice = choose_encoding(evidence);
    const std::string encoding = choice ? choice->encoding : "CP936";
    (void)decode_to_utf8(parts[1], encoding);
    if (!is_valid_utf8(decode_lossy(parts[1], encoding)) ||
        !is_valid_utf8(sanitize_utf8(parts[1]))) {
        std::abort();  // a broken promise: the program would hold invalid UTF-8
    }
    (void)is_valid_gb18030(parts[1]);
    return 0;
}
