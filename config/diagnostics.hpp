// Start-up configuration errors, reported as FILE:LINE:COL: message.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace herald::config {

struct Diagnostic {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
    std::string message;

    // "file:line:col: message"
    std::string str() const;
};

// Thrown at start-up only (loading config or data files), never per article.
class ConfigError : public std::runtime_error {
  public:
    explicit ConfigError(std::vector<Diagnostic> diags);
    const std::vector<Diagnostic>& diagnostics() const { return diags_; }

  private:
    std::vector<Diagnostic> diags_;
};

// Collects diagnostics while a file is read, so that all errors are shown at once.
class DiagnosticSink {
  public:
    explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
    const std::string& file() const { return file_; }
    // Error located at a YAML node (its mark); a null/invalid node gives line 0.
    void error(const YAML::Node& at, std::string message);
    void error(int line, int column, std::string message);
    bool ok() const { return diags_.empty(); }
    const std::vector<Diagnostic>& diagnostics() const { return diags_; }
    // Throws ConfigError when anything was reported.
    void throw_if_errors() const;

  private:
    std::string file_;
    std::vector<Diagnostic> diags_;
};

}  // namespace herald::config
