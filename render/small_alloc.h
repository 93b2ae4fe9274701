// SmallAlloc: the allocator behind the launch-render binary's operator new and delete
// (small_alloc_new.cc). A render makes some 15,000 small allocations and frees most of them;
// glibc's malloc and free were a quarter of its instructions. Here:
//   - blocks of up to kMaxSmall bytes come from size classes 16 bytes apart, each carved from
//     64 KiB slabs of one reserved address range, and go back to a free list of the freeing
//     thread (a thread-local list per class: no locks; a block may migrate between threads);
//   - larger blocks, and every block once the range is used up, are malloc's;
//   - nothing small is ever returned to the system: the process is short-lived.
// A slab's class is recorded when the slab is taken, so a block's size is found from its
// address (sized and unsized delete alike). Never used under the sanitizers, which must see
// every allocation themselves.
#pragma once

#include <cstddef>

namespace lr::small_alloc {

inline constexpr size_t kMaxSmall = 256;

// Like malloc: nullptr when out of memory. Never returns nullptr for size 0.
void* Allocate(size_t size);
// `p` from Allocate (or nullptr).
void Free(void* p);
// True when `p` came from a slab (for tests).
bool IsSmall(const void* p);

}  // namespace lr::small_alloc
