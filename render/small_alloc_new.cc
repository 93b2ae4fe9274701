// The launch-render binary's global operator new and delete, on small_alloc.h. Linked into the
// binary (and the unit tests) only when no sanitizer is on. Aligned forms stay the library's.
#include <new>

#include "render/small_alloc.h"

namespace {

void* AllocateOrThrow(std::size_t size) {
  void* p = lr::small_alloc::Allocate(size);
  if (!p) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(std::size_t size) { return AllocateOrThrow(size); }
void* operator new[](std::size_t size) { return AllocateOrThrow(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return lr::small_alloc::Allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return lr::small_alloc::Allocate(size);
}
void operator delete(void* p) noexcept { lr::small_alloc::Free(p); }
void operator delete[](void* p) noexcept { lr::small_alloc::Free(p); }
void operator delete(void* p, std::size_t) noexcept { lr::small_alloc::Free(p); }
void operator delete[](void* p, std::size_t) noexcept { lr::small_alloc::Free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { lr::small_alloc::Free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { lr::small_alloc::Free(p); }
