#include "render/manifest_reads.h"

#include <vector>

#include "render/document.h"

namespace lr::reads {

std::string Place::Pointer() const {
  std::vector<const Place*> chain;
  for (const Place* p = this; p->parent_; p = p->parent_) chain.push_back(p);
  std::string pointer;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    pointer =
        (*it)->item_ ? PointerJoin(pointer, (*it)->index_) : PointerJoin(pointer, (*it)->key_);
  }
  return pointer;
}

}  // namespace lr::reads
