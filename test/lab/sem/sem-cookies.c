/*
 * Make libdevmapper-style udev cookies: SysV semaphore sets of one semaphore, key 0x0D4D<<16 | random16,
 * created with semget(key, 1, IPC_CREAT|IPC_EXCL|0600) exactly as lvm2 libdm/libdm-common.c does
 * (field guide §1.2, §6 B). Run it only inside `unshare --ipc`: the host IPC namespace must stay untouched.
 *
 * usage: sem-cookies COUNT SETVAL SEED
 *   COUNT  how many to create (stops early with exit 1 when semget fails, e.g. ENOSPC at SEMMNI)
 *   SETVAL 1: semop(+1) after creation (libdm cookies usually show value 1); 0: leave the value 0
 *   SEED   srand seed, so the keys are reproducible
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>

int main(int argc, char **argv) {
	int count = argc > 1 ? atoi(argv[1]) : 1;
	int setval = argc > 2 ? atoi(argv[2]) : 1;
	unsigned seed = argc > 3 ? (unsigned)strtoul(argv[3], NULL, 0) : 1;
	srand(seed);
	for (int i = 1; i <= count; i++) {
		int semid;
		key_t key;
		do {
			key = (key_t)(0x0d4d0000 | (rand() & 0xffff));
			semid = semget(key, 1, IPC_CREAT | IPC_EXCL | 0600);
		} while (semid < 0 && errno == EEXIST);
		if (semid < 0) {
			int e = errno;
			printf("semget(0x%08x) #%d failed: %s (errno=%d)\n", (unsigned)key, i, strerror(e), e);
			return 1;
		}
		if (setval) {
			struct sembuf op = { .sem_num = 0, .sem_op = 1, .sem_flg = 0 };
			if (semop(semid, &op, 1) < 0) {
				printf("semop(%d) failed: %s\n", semid, strerror(errno));
				return 2;
			}
		}
		printf("cookie 0x%08x (decimal %u) semid %d value %d\n", (unsigned)key, (unsigned)key, semid, setval ? 1 : 0);
	}
	return 0;
}
