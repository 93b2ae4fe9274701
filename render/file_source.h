// FileSource: where input files come from (the real disk, or an in-memory fake in tests).
// In: a path as the user typed it ("-" is standard input on disk). Out: the bytes, or a reason.
#pragma once

#include <map>
#include <string>

namespace lr {

class FileSource {
 public:
  virtual ~FileSource() = default;
  // Reads the whole file; on failure returns false and sets *error (e.g. "no such file").
  virtual bool Read(const std::string& path, std::string* text, std::string* error) = 0;
};

class DiskFileSource : public FileSource {
 public:
  bool Read(const std::string& path, std::string* text, std::string* error) override;
};

class InMemoryFileSource : public FileSource {
 public:
  void Add(std::string path, std::string text) { files_[std::move(path)] = std::move(text); }
  bool Read(const std::string& path, std::string* text, std::string* error) override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace lr
