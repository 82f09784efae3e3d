// A small metrics registry rendered in the Prometheus text exposition format 0.0.4.
//
// Families (name, help, label names) are registered once, typically at start-up;
// a child (one set of label values) is looked up or created under the family's
// mutex and then updated lock-free through the returned reference, which stays
// valid for the registry's lifetime (unless remove()d). Keep references to hot
// children instead of looking them up per event.
//
// Misuse (an invalid metric or label name, the same name registered with another
// type or other labels, the wrong number of label values) is a programming error
// and throws std::invalid_argument.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace herald::service {

enum class MetricType { counter, gauge, histogram };

class Counter {
  public:
    // Adds `by` (>= 0; negative or NaN amounts are ignored: counters never go down).
    void inc(double by = 1.0) noexcept;
    double value() const noexcept { return value_.load(std::memory_order_relaxed); }

  private:
    std::atomic<double> value_{0.0};
};

class Gauge {
  public:
    void set(double v) noexcept { value_.store(v, std::memory_order_relaxed); }
    void inc(double by = 1.0) noexcept { value_.fetch_add(by, std::memory_order_relaxed); }
    void dec(double by = 1.0) noexcept { value_.fetch_sub(by, std::memory_order_relaxed); }
    // Seconds since the Unix epoch, with sub-second precision.
    void set_to_current_time() noexcept;
    double value() const noexcept { return value_.load(std::memory_order_relaxed); }

  private:
    std::atomic<double> value_{0.0};
};

class Histogram {
  public:
    struct Snapshot {
        std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf
        double sum = 0.0;
        std::uint64_t count = 0;  // == cumulative.back()
    };

    // `bounds`: finite upper bounds, strictly increasing (checked; throws).
    explicit Histogram(std::vector<double> bounds);

    void observe(double v) noexcept;
    Snapshot snapshot() const;
    const std::vector<double>& bounds() const { return bounds_; }

  private:
    std::vector<double> bounds_;
    std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1, not cumulative
    std::atomic<double> sum_{0.0};
};

// Default buckets for latencies in seconds: 1 ms .. 30 s.
std::vector<double> latency_buckets();

class FamilyBase {
  public:
    FamilyBase(std::string name, std::string help, MetricType type,
               std::vector<std::string> label_names);
    virtual ~FamilyBase() = default;
    FamilyBase(const FamilyBase&) = delete;
    FamilyBase& operator=(const FamilyBase&) = delete;

    const std::string& name() const { return name_; }
    const std::string& help() const { return help_; }
    MetricType type() const { return type_; }
    const std::vector<std::string>& label_names() const { return label_names_; }

    // Appends "# HELP", "# TYPE" and every sample of this family.
    virtual void render(std::string& out) const = 0;

  protected:
    using Key = std::vector<std::string>;
    Key make_key(std::initializer_list<std::string_view> values) const;
    // `{a="x",b="y"` without the closing brace (empty when there are no labels).
    std::string label_prefix(const Key& values) const;

    mutable std::mutex mu_;

  private:
    std::string name_;
    std::string help_;
    MetricType type_;
    std::vector<std::string> label_names_;
};

template <class M>
class Family final : public FamilyBase {
  public:
    template <class... Args>
    Family(std::string name, std::string help, MetricType type,
           std::vector<std::string> label_names, Args... metric_args)
        : FamilyBase(std::move(name), std::move(help), type, std::move(label_names)),
          factory_([=] { return std::make_unique<M>(metric_args...); }) {}

    // The child for these label values (in label_names() order), created on first use.
    M& labels(std::initializer_list<std::string_view> values) {
        Key key = make_key(values);
        std::lock_guard lock(mu_);
        auto& slot = children_[std::move(key)];
        if (!slot) slot = factory_();
        return *slot;
    }

    // Drops a child (e.g. the series of a feed removed by a reload). References to it dangle.
    bool remove(std::initializer_list<std::string_view> values) {
        Key key = make_key(values);
        std::lock_guard lock(mu_);
        return children_.erase(key) > 0;
    }

    std::size_t size() const {
        std::lock_guard lock(mu_);
        return children_.size();
    }

    void render(std::string& out) const override;

  private:
    std::function<std::unique_ptr<M>()> factory_;
    std::map<Key, std::unique_ptr<M>> children_;
};

template <>
void Family<Counter>::render(std::string& out) const;
template <>
void Family<Gauge>::render(std::string& out) const;
template <>
void Family<Histogram>::render(std::string& out) const;

class Registry {
  public:
    Registry() = default;
    Registry(const Registry&) = delete;
    Registry& operator=(const Registry&) = delete;

    // Registers a family, or returns the existing one with the same name, type and labels.
    Family<Counter>& counter_family(const std::string& name, const std::string& help,
                                    std::vector<std::string> label_names);
    Family<Gauge>& gauge_family(const std::string& name, const std::string& help,
                                std::vector<std::string> label_names);
    Family<Histogram>& histogram_family(const std::string& name, const std::string& help,
                                        std::vector<std::string> label_names,
                                        std::vector<double> bounds = latency_buckets());

    // Unlabelled shorthands.
    Counter& counter(const std::string& name, const std::string& help);
    Gauge& gauge(const std::string& name, const std::string& help);
    Histogram& histogram(const std::string& name, const std::string& help,
                         std::vector<double> bounds = latency_buckets());

    // `fn` runs at the start of every render() (on the scraping thread), e.g. to copy a
    // queue depth into a gauge. Scrapes are serialised, so hooks never run concurrently.
    void on_collect(std::function<void()> fn);

    // Text exposition format 0.0.4, families in name order.
    std::string render() const;

  private:
    template <class M, class... Args>
    Family<M>& family(const std::string& name, const std::string& help, MetricType type,
                      std::vector<std::string> label_names, Args... args);

    mutable std::mutex mu_;         // families_ and hooks_
    mutable std::mutex render_mu_;  // one scrape at a time
    std::map<std::string, std::unique_ptr<FamilyBase>> families_;
    std::vector<std::function<void()>> hooks_;
};

// Content-Type of render()'s output.
inline constexpr std::string_view kPrometheusContentType =
    "text/plain; version=0.0.4; charset=utf-8";

// Formatting helpers (exposed for tests).
std::string format_value(double v);  // "+Inf", "-Inf", "NaN", else shortest round-trip
std::string escape_label_value(std::string_view v);  // \ " and newline escaped
std::string escape_help(std::string_view v);         // \ and newline escaped
bool valid_metric_name(std::string_view name);
bool valid_label_name(std::string_view name);

}  // namespace herald::service
