/* Memory latency on this machine: dependent (pointer-chasing) against independent random reads,
 * in buffers of 1 to 64 MB on huge pages, one read per cache line.
 * Build and run: gcc -O2 -o /tmp/memory_latency benchmarks/memory_latency.c && taskset -c 0 /tmp/memory_latency
 * Why: the end-to-end time follows cache misses more than instructions (BENCHMARKS.md, Caveats). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <stdint.h>
#include <sys/mman.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){
  for(size_t mb=1; mb<=64; mb*=2){
    size_t n=mb*1024*1024/64; // one pointer per cache line
    uint64_t *a=aligned_alloc(2<<20, n*64); madvise(a,n*64,MADV_HUGEPAGE);
    size_t *perm=malloc(n*sizeof(size_t)); for(size_t i=0;i<n;i++)perm[i]=i;
    for(size_t i=n-1;i>0;i--){size_t j=rand()%(i+1);size_t t=perm[i];perm[i]=perm[j];perm[j]=t;}
    for(size_t i=0;i<n;i++) a[perm[i]*8]=perm[(i+1)%n]*8;
    size_t p=0; int steps=2000000; double t=now(); for(int i=0;i<steps;i++) p=a[p]; double dt=now()-t;
    // independent loads
    uint64_t s=0; uint64_t x=12345; double t2=now(); for(int i=0;i<steps;i++){x=x*6364136223846793005ULL+1; s+=a[((x>>20)%n)*8];} double dt2=now()-t2;
    printf("%3zu MB: dependent %.1f ns, independent %.1f ns (%lu %lu)\n",mb,dt/steps*1e9,dt2/steps*1e9,p,s);
    free(a);free(perm);
  }
}
