#include "config/diagnostics.hpp"

#include <yaml-cpp/yaml.h>

namespace herald::config {

std::string Diagnostic::str() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": " + message;
    return out;
}

namespace {
std::string join(const std::vector<Diagnostic>& diags) {
    std::string out;
    for (const auto& d : diags) {
        if (!out.empty()) out += '\n';
        out += d.str();
    }
    return out;
}
}  // namespace

ConfigError::ConfigError(std::vector<Diagnostic> diags)
    : std::runtime_error(join(diags)), diags_(std::move(diags)) {}

void DiagnosticSink::error(const YAML::Node& at, std::string message) {
    int line = 0, col = 0;
    if (at.IsDefined()) {
        const YAML::Mark m = at.Mark();
        if (m.line >= 0) {
            line = m.line + 1;
            col = m.column + 1;
        }
    }
    error(line, col, std::move(message));
}

void DiagnosticSink::error(int line, int column, std::string message) {
    diags_.push_back(Diagnostic{file_, line, column, std::move(message)});
}

void DiagnosticSink::throw_if_errors() const {
    if (!diags_.empty()) throw ConfigError(diags_);
}

}  // namespace herald::config
