/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_SCENARIO_EXAMPLE_H
#define PE_ARP_SCENARIO_EXAMPLE_H

// What the scenario examples (pe-arp-router, pe-arp-bridge, pe-arp-bench)
// share and the library leaves out: command-line parsing, printed tables,
// CSV files, pcap and progress. Built into each of those examples.

#include "ns3/nstime.h"
#include "ns3/pe-arp-scenario.h"
#include "ns3/pe-arp-statistics.h"

#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace pearp
{

/**
 * \param name "pe-arp" or "stock"
 * \param resolver receives the resolver
 * \return false if the name is unknown
 */
bool ParseResolver(const std::string& name, PeArpScenario::Resolver& resolver);
/**
 * \param name "router" or "bridge"
 * \param deployment receives the deployment
 * \return false if the name is unknown
 */
bool ParseDeployment(const std::string& name, PeArpScenario::Deployment& deployment);
/**
 * \param name "csma" or "switched"
 * \param lan receives the LAN layout
 * \return false if the name is unknown
 */
bool ParseLan(const std::string& name, PeArpScenario::Lan& lan);

/**
 * Print the per-host table.
 * \param os the stream
 * \param hosts the results
 * \param maxRows rows to print at most (0: all)
 */
void PrintHostTable(std::ostream& os,
                    const std::vector<PeArpStatistics::HostResult>& hosts,
                    uint32_t maxRows);
/**
 * Print the totals.
 * \param os the stream
 * \param totals the totals
 */
void PrintTotals(std::ostream& os, const PeArpStatistics::Totals& totals);
/**
 * \param path a file
 * \param hosts the results
 * \return false if the file cannot be written
 */
bool WriteHostCsv(const std::string& path, const std::vector<PeArpStatistics::HostResult>& hosts);
/**
 * \param path a file
 * \param flows the results
 * \return false if the file cannot be written
 */
bool WriteFlowCsv(const std::string& path, const std::vector<PeArpStatistics::FlowResult>& flows);

/**
 * Prints simulated time, events and wall time to stderr ten times during a
 * run.
 */
class Progress
{
  public:
    /**
     * Start printing.
     * \param stop the simulated stop time
     */
    explicit Progress(Time stop);

  private:
    /** Print one line and schedule the next. */
    void Print();

    Time m_stop;                                       //!< simulated stop time
    std::chrono::steady_clock::time_point m_wallStart; //!< wall clock at the start
};

/**
 * Split a CSV line (no quoting: the fields have no commas).
 * \param line the line
 * \return its fields (a last empty field included)
 */
std::vector<std::string> SplitCsv(const std::string& line);

/**
 * Create a CSV file (and its folder) and write its header.
 * \param path the file
 * \param header the header line
 * \return the open file, or null (with a message on stderr naming the path)
 */
std::unique_ptr<std::ofstream> OpenCsv(const std::string& path, const std::string& header);

/**
 * Write a whole CSV file.
 * \param path the file
 * \param header the header line
 * \param lines the rows
 * \return true on success
 */
bool WriteCsv(const std::string& path,
              const std::string& header,
              const std::vector<std::string>& lines);

/**
 * \return whether progress is on by default: when stderr is a terminal
 */
bool ProgressByDefault();

/**
 * Run work in a child process (a fresh simulator and its own peak memory)
 * and return what it printed to the pipe.
 * \param work what the child does; it returns its output text
 * \return the text, or nothing if the child failed
 */
std::optional<std::string> RunForked(const std::function<std::string()>& work);

/**
 * The whole router/bridge scenario example: options, run, tables, CSV,
 * pcap, --check.
 * \param argc argument count
 * \param argv arguments
 * \param file the example's source file (for --help)
 * \param name the example's name (file names)
 * \param deployment router or bridge
 * \return the exit status
 */
int RunScenarioExample(int argc,
                       char* argv[],
                       const std::string& file,
                       const std::string& name,
                       PeArpScenario::Deployment deployment);

} // namespace pearp
} // namespace ns3

#endif /* PE_ARP_SCENARIO_EXAMPLE_H */
