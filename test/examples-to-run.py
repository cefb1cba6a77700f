#! /usr/bin/env python3

# A list of C++ examples to run in order to ensure that they remain
# buildable and runnable over time.  Each tuple in the list contains
#
#     (example_name, do_run, do_valgrind_run).
#
# See test.py for more information.
cpp_examples = [
    ("pe-arp-router --check", "True", "True"),
    ("pe-arp-router --check --resolver=stock", "True", "False"),
    ("pe-arp-router --check --flowmon --animate --outDir=results/anim", "True", "False"),
    ("pe-arp-router --check --hosts=12 --sharedIps=2 --portsPerHost=500 --lan=switched", "True", "False"),
    ("pe-arp-router --check --provisioning=dhcp --psidOffset=6 --watch", "True", "False"),
    ("pe-arp-router --check --provisioning=self --hosts=6", "True", "False"),
    ("pe-arp-bridge --check", "True", "True"),
    ("pe-arp-bridge --check --hosts=12 --sharedIps=2 --portsPerHost=500 --lan=switched --answerEcho", "True", "False"),
    ("pe-arp-self-assign --hosts=2,8", "True", "False"),
    ("pe-arp-dhcp --check --hosts=10 --sharedIps=2 --psidLength=2", "True", "False"),
    ("pe-arp-dhcp --check --hosts=4 --offset=6 --psidLength=6", "True", "False"),
    ("pe-arp-bench --check --hosts=100", "True", "False"),
    ("pe-arp-bench --check --hosts=100 --deployment=bridge", "True", "False"),
    ("pe-arp-bench --check --hosts=100 --learnFromRequest=false", "True", "False"),
    ("pe-arp-dns-srv", "True", "False"),
    ("pe-arp-attack --check --csv=results/pe-arp-attack-check.csv", "True", "False"),
    ("pe-arp-dns-srv --spoof --updatePolicy=Owner", "True", "False"),
    ("pe-arp-dns-srv --spoof --updatePolicy=Tsig", "True", "False"),
    ("pe-arp-dns-srv --updatePolicy=OwnerOrTsig", "True", "False"),
    ("pe-arp-flow-switch --check --guests=4", "True", "False"),
    ("pe-arp-flow-switch --check --guests=3 --mode=ebtables --lookupDelay=LOG2", "True", "False"),
    ("pe-arp-flow-switch --check --guests=3 --encoding=exact --lookupDelay=LOG2", "True", "False"),
    ("pe-arp-nat --check", "True", "False"),
    ("pe-arp-nat --check --hosts=5 --mapping=APDM --filtering=APDF", "True", "False"),
    ("pe-arp-nat --check --hosts=2 --mapping=ADM --filtering=EIF", "True", "False"),
    ("pe-arp-nat-lookup --sizes=10,1000 --calls=1000", "True", "False"),
    ("pe-arp-compare --check", "True", "False"),
    ("pe-arp-scale --check --study=sharing --hosts=128 --hostsPerSite=32 --ratios=1,8,32 --csv=results/scale-sharing-test.csv", "True", "False"),
    ("pe-arp-scale --check --study=scale --hosts=256 --hostsPerSite=64 --topology=ba --csv=results/scale-scale-test.csv", "True", "False"),
    ("pe-arp-scale --check --study=sharing --hosts=96 --hostsPerSite=48 --ratios=16 --topology=campus --routing=static --csv=results/scale-campus-test.csv", "True", "False"),
    ("pe-arp-scale --study=routes --routers=200 --globalMax=200 --csv=results/scale-routes-test.csv", "True", "False"),
    ("pe-arp-scale --check --study=ports --portList=64,1024 --pageRates=0.2 --msl=10 --duration=60 --csv=results/scale-ports-test.csv", "True", "False"),
    ("pe-arp-compare --check --hosts=3 --system=napt,pe-arp-bridge,flow-switch --natCost=11.1 --switchCost=2", "True", "False"),
    ("pe-arp-resoa --check", "True", "False"),
    ("pe-arp-resoa --check --clients=8 --bytes=200000", "True", "False"),
    # ns-3's MPI engine (an ns-3 tree with --enable-mpi): here in one process,
    # sequentially; ./pearp mpi --check runs it on 2 ranks and compares.
    ("pe-arp-distributed --hosts=64 --hostsPerSite=8", "'ns3-mpi' in NS3_ENABLED_MODULES", "False"),
    # Needs root, a network namespace and a tap device in it (standalone build):
    # run by utils/pe-arp-emu.py, the CTest entry pe-arp-emu.
    ("pe-arp-emu", "False", "False"),
]

# A list of Python examples to run in order to ensure that they remain
# runnable over time.  Each tuple in the list contains
#
#     (example_name, do_run).
#
# See test.py for more information.
python_examples = []
