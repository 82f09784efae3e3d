#include "service/metrics.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "common/text.hpp"

namespace herald::service {

// ---- values -----------------------------------------------------------------

void Counter::inc(double by) noexcept {
    if (!(by >= 0.0)) return;  // also rejects NaN
    value_.fetch_add(by, std::memory_order_relaxed);
}

void Gauge::set_to_current_time() noexcept {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    set(std::chrono::duration<double>(now).count());
}

Histogram::Histogram(std::vector<double> bounds) : bounds_(std::move(bounds)) {
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
        if (!std::isfinite(bounds_[i]) || (i > 0 && !(bounds_[i] > bounds_[i - 1]))) {
            throw std::invalid_argument("histogram bounds must be finite and strictly increasing");
        }
    }
    buckets_ = std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1);
}

void Histogram::observe(double v) noexcept {
    // First bound >= v (Prometheus buckets are "less than or equal"); NaN lands in +Inf.
    const auto it = std::lower_bound(bounds_.begin(), bounds_.end(), v);
    const auto index = static_cast<std::size_t>(it - bounds_.begin());
    buckets_[index].fetch_add(1, std::memory_order_relaxed);
    sum_.fetch_add(v, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
    Snapshot s;
    s.cumulative.reserve(bounds_.size() + 1);
    std::uint64_t running = 0;
    for (std::size_t i = 0; i <= bounds_.size(); ++i) {
        running += buckets_[i].load(std::memory_order_relaxed);
        s.cumulative.push_back(running);
    }
    s.count = running;  // consistent with the +Inf bucket by construction
    s.sum = sum_.load(std::memory_order_relaxed);
    return s;
}

std::vector<double> latency_buckets() {
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0};
}

// ---- formatting -------------------------------------------------------------

std::string format_value(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    return fmt::format("{}", v);
}

std::string escape_label_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string escape_help(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

bool is_alpha_(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

const char* type_name(MetricType t) {
    switch (t) {
        case MetricType::counter:
            return "counter";
        case MetricType::gauge:
            return "gauge";
        case MetricType::histogram:
            return "histogram";
    }
    return "untyped";
}

}  // namespace

bool valid_metric_name(std::string_view name) {
    if (name.empty() || !(is_alpha_(name[0]) || name[0] == ':')) return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return is_alpha_(c) || is_digit(c) || c == ':'; });
}

bool valid_label_name(std::string_view name) {
    if (name.empty() || !is_alpha_(name[0])) return false;
    if (name.substr(0, 2) == "__") return false;  // reserved for Prometheus itself
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return is_alpha_(c) || is_digit(c); });
}

// ---- families ---------------------------------------------------------------

FamilyBase::FamilyBase(std::string name, std::string help, MetricType type,
                       std::vector<std::string> label_names)
    : name_(std::move(name)),
      help_(std::move(help)),
      type_(type),
      label_names_(std::move(label_names)) {
    if (!valid_metric_name(name_)) {
        throw std::invalid_argument(fmt::format("invalid metric name \"{}\"", name_));
    }
    for (std::size_t i = 0; i < label_names_.size(); ++i) {
        const auto& l = label_names_[i];
        if (!valid_label_name(l) || (type_ == MetricType::histogram && l == "le")) {
            throw std::invalid_argument(
                fmt::format("metric \"{}\": invalid label name \"{}\"", name_, l));
        }
        if (std::find(label_names_.begin(), label_names_.begin() + static_cast<long>(i), l) !=
            label_names_.begin() + static_cast<long>(i)) {
            throw std::invalid_argument(
                fmt::format("metric \"{}\": duplicate label name \"{}\"", name_, l));
        }
    }
}

FamilyBase::Key FamilyBase::make_key(std::initializer_list<std::string_view> values) const {
    if (values.size() != label_names_.size()) {
        throw std::invalid_argument(fmt::format("metric \"{}\": {} label values for {} labels",
                                                name_, values.size(), label_names_.size()));
    }
    Key key;
    key.reserve(values.size());
    // Exposition is UTF-8: keep a broken feed id from breaking the whole scrape.
    for (auto v : values) key.push_back(herald::sanitize_utf8(v));
    return key;
}

std::string FamilyBase::label_prefix(const Key& values) const {
    if (values.empty()) return {};
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        out += label_names_[i];
        out += "=\"";
        out += escape_label_value(values[i]);
        out += '"';
    }
    return out;
}

namespace {

void render_header(std::string& out, const FamilyBase& f) {
    out += "# HELP ";
    out += f.name();
    out += ' ';
    out += escape_help(f.help());
    out += "\n# TYPE ";
    out += f.name();
    out += ' ';
    out += type_name(f.type());
    out += '\n';
}

// name + labels (prefix, optionally one extra label) + value.
void render_sample(std::string& out, std::string_view name, std::string_view suffix,
                   const std::string& prefix, std::string_view extra, double value) {
    out += name;
    out += suffix;
    if (!prefix.empty() || !extra.empty()) {
        if (prefix.empty()) {
            out += '{';
        } else {
            out += prefix;
            if (!extra.empty()) out += ',';
        }
        out += extra;
        out += '}';
    }
    out += ' ';
    out += format_value(value);
    out += '\n';
}

}  // namespace

template <>
void Family<Counter>::render(std::string& out) const {
    render_header(out, *this);
    std::lock_guard lock(mu_);
    for (const auto& [key, child] : children_) {
        render_sample(out, name(), "", label_prefix(key), "", child->value());
    }
}

template <>
void Family<Gauge>::render(std::string& out) const {
    render_header(out, *this);
    std::lock_guard lock(mu_);
    for (const auto& [key, child] : children_) {
        render_sample(out, name(), "", label_prefix(key), "", child->value());
    }
}

template <>
void Family<Histogram>::render(std::string& out) const {
    render_header(out, *this);
    std::lock_guard lock(mu_);
    for (const auto& [key, child] : children_) {
        const std::string prefix = label_prefix(key);
        const auto snap = child->snapshot();
        const auto& bounds = child->bounds();
        for (std::size_t i = 0; i < bounds.size(); ++i) {
            render_sample(out, name(), "_bucket", prefix, "le=\"" + format_value(bounds[i]) + "\"",
                          static_cast<double>(snap.cumulative[i]));
        }
        render_sample(out, name(), "_bucket", prefix, "le=\"+Inf\"",
                      static_cast<double>(snap.count));
        render_sample(out, name(), "_sum", prefix, "", snap.sum);
        render_sample(out, name(), "_count", prefix, "", static_cast<double>(snap.count));
    }
}

// ---- registry ---------------------------------------------------------------

template <class M, class... Args>
Family<M>& Registry::family(const std::string& name, const std::string& help, MetricType type,
                            std::vector<std::string> label_names, Args... args) {
    std::lock_guard lock(mu_);
    auto it = families_.find(name);
    if (it != families_.end()) {
        auto* existing = dynamic_cast<Family<M>*>(it->second.get());
        if (existing == nullptr || existing->type() != type ||
            existing->label_names() != label_names) {
            throw std::invalid_argument(fmt::format(
                "metric \"{}\" is already registered with another type or labels", name));
        }
        return *existing;
    }
    auto created = std::make_unique<Family<M>>(name, help, type, std::move(label_names), args...);
    auto& ref = *created;
    families_.emplace(name, std::move(created));
    return ref;
}

Family<Counter>& Registry::counter_family(const std::string& name, const std::string& help,
                                          std::vector<std::string> label_names) {
    return family<Counter>(name, help, MetricType::counter, std::move(label_names));
}

Family<Gauge>& Registry::gauge_family(const std::string& name, const std::string& help,
                                      std::vector<std::string> label_names) {
    return family<Gauge>(name, help, MetricType::gauge, std::move(label_names));
}

Family<Histogram>& Registry::histogram_family(const std::string& name, const std::string& help,
                                              std::vector<std::string> label_names,
                                              std::vector<double> bounds) {
    Histogram probe(bounds);  // validate the bounds here, not on the first observation
    return family<Histogram>(name, help, MetricType::histogram, std::move(label_names),
                             std::move(bounds));
}

Counter& Registry::counter(const std::string& name, const std::string& help) {
    return counter_family(name, help, {}).labels({});
}

Gauge& Registry::gauge(const std::string& name, const std::string& help) {
    return gauge_family(name, help, {}).labels({});
}

Histogram& Registry::histogram(const std::string& name, const std::string& help,
                               std::vector<double> bounds) {
    return histogram_family(name, help, {}, std::move(bounds)).labels({});
}

void Registry::on_collect(std::function<void()> fn) {
    std::lock_guard lock(mu_);
    hooks_.push_back(std::move(fn));
}

std::string Registry::render() const {
    std::lock_guard render_lock(render_mu_);
    std::vector<std::function<void()>> hooks;
    {
        std::lock_guard lock(mu_);
        hooks = hooks_;
    }
    for (const auto& hook : hooks) hook();

    std::string out;
    out.reserve(4096);
    std::lock_guard lock(mu_);
    for (const auto& [name, family] : families_) family->render(out);
    return out;
}

}  // namespace herald::service
