#include "render/small_alloc.h"

#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>

namespace lr::small_alloc {
namespace {

constexpr size_t kGranule = 16;
constexpr size_t kClasses = kMaxSmall / kGranule;
constexpr size_t kSlabBits = 16;  // 64 KiB
constexpr size_t kSlabBytes = size_t{1} << kSlabBits;
constexpr size_t kRangeBytes = size_t{1} << 32;  // address space only: pages come on first use
constexpr size_t kSlabs = kRangeBytes / kSlabBytes;

// All constant-initialized: operator new may run before any constructor.
std::atomic<char*> range_base{nullptr};
std::atomic<size_t> next_slab{0};
uint8_t slab_class[kSlabs];  // written before the slab's first block is handed out

struct FreeBlock {
  FreeBlock* next;
};

struct ThreadCache {
  FreeBlock* free[kClasses];
  char* bump[kClasses];
  char* end[kClasses];
};

thread_local ThreadCache cache;

// The reserved range, mapped on first use; nullptr when the system refuses it.
char* Base() {
  static std::once_flag once;
  std::call_once(once, [] {
    void* p = mmap(nullptr, kRangeBytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p != MAP_FAILED) range_base.store(static_cast<char*>(p), std::memory_order_release);
  });
  return range_base.load(std::memory_order_acquire);
}

// A fresh slab for class `c`, or false when the range is used up.
bool Refill(size_t c) {
  char* base = Base();
  if (!base) return false;
  size_t slab = next_slab.fetch_add(1, std::memory_order_relaxed);
  if (slab >= kSlabs) return false;
  slab_class[slab] = static_cast<uint8_t>(c);
  cache.bump[c] = base + slab * kSlabBytes;
  cache.end[c] = cache.bump[c] + kSlabBytes;
  return true;
}

}  // namespace

bool IsSmall(const void* p) {
  auto base = reinterpret_cast<uintptr_t>(range_base.load(std::memory_order_acquire));
  auto at = reinterpret_cast<uintptr_t>(p);
  return base != 0 && at >= base && at - base < kRangeBytes;
}

void* Allocate(size_t size) {
  if (size > kMaxSmall) return std::malloc(size);
  size_t c = size == 0 ? 0 : (size - 1) / kGranule;
  if (FreeBlock* b = cache.free[c]) {
    cache.free[c] = b->next;
    return b;
  }
  size_t bytes = (c + 1) * kGranule;
  if (static_cast<size_t>(cache.end[c] - cache.bump[c]) < bytes && !Refill(c)) {
    return std::malloc(size == 0 ? 1 : size);
  }
  void* p = cache.bump[c];
  cache.bump[c] += bytes;
  return p;
}

void Free(void* p) {
  if (!IsSmall(p)) {
    std::free(p);  // malloc's, or nullptr
    return;
  }
  size_t slab = static_cast<size_t>(static_cast<char*>(p) - range_base.load()) >> kSlabBits;
  size_t c = slab_class[slab];
  auto* b = static_cast<FreeBlock*>(p);
  b->next = cache.free[c];
  cache.free[c] = b;
}

}  // namespace lr::small_alloc
