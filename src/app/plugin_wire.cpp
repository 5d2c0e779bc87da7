// Encoding and bounds-checked decoding of the plugin child's records.
#include "app/plugin_wire.h"

#include <cstring>

namespace beltplan::app::wire {
namespace {

// Appends little helpers' output to one string.
class Writer {
public:
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    void str(const std::string& s) {
        u64(s.size());
        out_ += s;
    }
    std::string record(Tag tag) const {
        std::string r(1, static_cast<char>(tag));
        const std::uint64_t n = out_.size();
        r.append(reinterpret_cast<const char*>(&n), sizeof n);
        return r + out_;
    }

private:
    void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
    std::string out_;
};

// Reads what Writer wrote; `ok` turns false at the first read past the end.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_ && pos_ == in_.size(); }
    std::uint64_t u64() { return fixed<std::uint64_t>(); }
    std::int64_t i64() { return fixed<std::int64_t>(); }
    int i32() { return static_cast<int>(fixed<std::int64_t>()); }
    double f64() { return fixed<double>(); }
    std::string str() {
        const std::uint64_t n = u64();
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            return {};
        }
        std::string s(in_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    // A count of items that each take at least `min_bytes`; 0 and a failure when too large.
    std::size_t count(std::size_t min_bytes) {
        const std::uint64_t n = u64();
        if (!ok_ || n > (in_.size() - pos_) / min_bytes) {
            ok_ = false;
            return 0;
        }
        return static_cast<std::size_t>(n);
    }

private:
    template <typename T>
    T fixed() {
        T v{};
        if (!ok_ || in_.size() - pos_ < sizeof v) {
            ok_ = false;
            return v;
        }
        std::memcpy(&v, in_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return v;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

void put(Writer& w, const std::vector<std::string>& items) {
    w.u64(items.size());
    for (const std::string& s : items) {
        w.str(s);
    }
}

std::vector<std::string> get_strings(Reader& r) {
    std::vector<std::string> items(r.count(8));
    for (std::string& s : items) {
        s = r.str();
    }
    return items;
}

void put(Writer& w, const analysis::ParamSpec& p) {
    w.str(p.name);
    w.i64(static_cast<int>(p.type));
    w.str(p.description);
    w.str(p.unit);
    w.f64(p.min);
    w.f64(p.max);
    w.str(p.default_value);
    put(w, p.choices);
}

analysis::ParamSpec get_param(Reader& r) {
    analysis::ParamSpec p;
    p.name = r.str();
    const int type = r.i32();
    p.type = type >= 0 && type <= static_cast<int>(analysis::ParamType::kFlag)
                 ? static_cast<analysis::ParamType>(type)
                 : analysis::ParamType::kText;
    p.description = r.str();
    p.unit = r.str();
    p.min = r.f64();
    p.max = r.f64();
    p.default_value = r.str();
    p.choices = get_strings(r);
    return p;
}

void put_sites(Writer& w, const std::vector<analysis::SuggestedSite>& sites) {
    w.u64(sites.size());
    for (const analysis::SuggestedSite& s : sites) {
        w.i64(s.village);
        w.f64(s.position.x);
        w.f64(s.position.y);
        w.f64(s.population_added);
        w.str(s.road);
        w.i64(s.part);
        w.f64(s.position_m);
        w.str(s.explanation);
    }
}

std::vector<analysis::SuggestedSite> get_sites(Reader& r) {
    std::vector<analysis::SuggestedSite> sites(r.count(64));
    for (analysis::SuggestedSite& s : sites) {
        s.village = r.i32();
        s.position.x = r.f64();
        s.position.y = r.f64();
        s.population_added = r.f64();
        s.road = r.str();
        s.part = r.i32();
        s.position_m = r.f64();
        s.explanation = r.str();
    }
    return sites;
}

void put_groups(Writer& w, const std::vector<analysis::SuggestedGroup>& groups) {
    w.u64(groups.size());
    for (const analysis::SuggestedGroup& g : groups) {
        w.u64(g.members.size());
        for (int m : g.members) {
            w.i64(m);
        }
        w.i64(g.lead);
        w.i64(static_cast<int>(g.mode));
        w.str(g.town_code);
        w.f64(g.size);
        w.i64(g.within_tolerance ? 1 : 0);
        w.str(g.explanation);
    }
}

std::vector<analysis::SuggestedGroup> get_groups(Reader& r) {
    std::vector<analysis::SuggestedGroup> groups(r.count(56));
    for (analysis::SuggestedGroup& g : groups) {
        g.members.resize(r.count(8));
        for (int& m : g.members) {
            m = r.i32();
        }
        g.lead = r.i32();
        const int mode = r.i32();
        g.mode = mode >= 0 && mode <= static_cast<int>(core::JointOrgMode::kStation)
                     ? static_cast<core::JointOrgMode>(mode)
                     : core::JointOrgMode::kStrongWeak;
        g.town_code = r.str();
        g.size = r.f64();
        g.within_tolerance = r.i64() != 0;
        g.explanation = r.str();
    }
    return groups;
}

analysis::Suggestion get_suggestion(Reader& r) {
    analysis::Suggestion s;
    s.strategy = r.str();
    s.summary = r.str();
    s.sites = get_sites(r);
    s.groups = get_groups(r);
    s.unplaced.resize(r.count(16));
    for (analysis::UnplacedVillage& u : s.unplaced) {
        u.village = r.i32();
        u.reason = r.str();
    }
    s.value_unit = r.str();
    s.value = r.f64();
    s.upper_bound = r.f64();
    s.baseline = r.f64();
    s.total = r.f64();
    s.proven_optimal = r.i64() != 0;
    s.notes = get_strings(r);
    return s;
}

std::optional<Message> decode(Tag tag, std::string_view payload) {
    Reader r(payload);
    Message m;
    m.tag = tag;
    switch (tag) {
        case Tag::kInfo: {
            StrategyInfo info;
            info.name = r.str();
            info.description = r.str();
            info.params.resize(r.count(64));
            for (analysis::ParamSpec& p : info.params) {
                p = get_param(r);
            }
            m.info = std::move(info);
            break;
        }
        case Tag::kSuggestion:
            m.suggestion = get_suggestion(r);
            break;
        case Tag::kError: {
            core::Error e;
            const int code = r.i32();
            e.code = code > 0 && code < 1000 ? static_cast<core::ErrorCode>(code)
                                             : core::ErrorCode::kInternal;
            e.message = r.str();
            e.where.file = r.str();
            e.where.layer = r.str();
            e.where.feature = r.i64();
            e.where.field = r.str();
            m.error = std::move(e);
            break;
        }
        case Tag::kProgress:
            m.progress = r.f64();
            break;
        default:
            return std::nullopt;
    }
    if (!r.ok()) {
        return std::nullopt;
    }
    return m;
}

}  // namespace

std::string encode(const StrategyInfo& info) {
    Writer w;
    w.str(info.name);
    w.str(info.description);
    w.u64(info.params.size());
    for (const analysis::ParamSpec& p : info.params) {
        put(w, p);
    }
    return w.record(Tag::kInfo);
}

std::string encode(const analysis::Suggestion& s) {
    Writer w;
    w.str(s.strategy);
    w.str(s.summary);
    put_sites(w, s.sites);
    put_groups(w, s.groups);
    w.u64(s.unplaced.size());
    for (const analysis::UnplacedVillage& u : s.unplaced) {
        w.i64(u.village);
        w.str(u.reason);
    }
    w.str(s.value_unit);
    w.f64(s.value);
    w.f64(s.upper_bound);
    w.f64(s.baseline);
    w.f64(s.total);
    w.i64(s.proven_optimal ? 1 : 0);
    put(w, s.notes);
    return w.record(Tag::kSuggestion);
}

std::string encode(const core::Error& e) {
    Writer w;
    w.i64(core::code_number(e.code));
    w.str(e.message);
    w.str(e.where.file);
    w.str(e.where.layer);
    w.i64(e.where.feature);
    w.str(e.where.field);
    return w.record(Tag::kError);
}

std::string encode_progress(double share) {
    Writer w;
    w.f64(share);
    return w.record(Tag::kProgress);
}

std::optional<std::vector<Message>> take_messages(std::string& buffer) {
    std::vector<Message> out;
    std::size_t pos = 0;
    constexpr std::size_t kHeader = 1 + sizeof(std::uint64_t);
    while (buffer.size() - pos >= kHeader) {
        std::uint64_t n = 0;
        std::memcpy(&n, buffer.data() + pos + 1, sizeof n);
        if (n > buffer.size() - pos - kHeader) {
            break;  // incomplete: wait for more bytes
        }
        const Tag tag = static_cast<Tag>(buffer[pos]);
        std::optional<Message> m = decode(
            tag, std::string_view(buffer).substr(pos + kHeader, static_cast<std::size_t>(n)));
        if (!m) {
            return std::nullopt;
        }
        out.push_back(std::move(*m));
        pos += kHeader + static_cast<std::size_t>(n);
    }
    buffer.erase(0, pos);
    return out;
}

}  // namespace beltplan::app::wire
