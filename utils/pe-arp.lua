-- Wireshark/tshark dissector for the PE-ARP extension (PE-ARP paper, Table II).
--
-- PE-ARP appends 10 bytes to the 28-byte ARP body: magic 0xEAAB, sender port
-- range low and high, target port and return port (network byte order).
-- Wireshark's ARP dissector reads 28 bytes and shows the rest as an Ethernet
-- trailer; this postdissector decodes it.
--
--   tshark -X lua_script:utils/pe-arp.lua -r results/pe-arp-router-2-2.pcap -V -Y pearp
local pearp = Proto("pearp", "Port Enhanced ARP extension")
local f_magic = ProtoField.uint16("pearp.magic", "Magic", base.HEX)
local f_low = ProtoField.uint16("pearp.range_low", "Sender port range low", base.DEC)
local f_high = ProtoField.uint16("pearp.range_high", "Sender port range high", base.DEC)
local f_target = ProtoField.uint16("pearp.target_port", "Target port", base.DEC)
local f_return = ProtoField.uint16("pearp.return_port", "Return port", base.DEC)
pearp.fields = { f_magic, f_low, f_high, f_target, f_return }

local arp_field = Field.new("arp")
local ETHERNET = 14
local ARP_BODY = 28

function pearp.dissector(tvb, pinfo, tree)
    if not arp_field() then
        return
    end
    local offset = ETHERNET + ARP_BODY
    if tvb:len() < offset + 10 or tvb(offset, 2):uint() ~= 0xEAAB then
        return
    end
    local subtree = tree:add(pearp, tvb(offset, 10))
    subtree:add(f_magic, tvb(offset, 2))
    subtree:add(f_low, tvb(offset + 2, 2))
    subtree:add(f_high, tvb(offset + 4, 2))
    subtree:add(f_target, tvb(offset + 6, 2))
    subtree:add(f_return, tvb(offset + 8, 2))
    pinfo.cols.protocol = "PE-ARP"
    pinfo.cols.info:append(string.format(" [range %d-%d, target port %d, return port %d]",
        tvb(offset + 2, 2):uint(), tvb(offset + 4, 2):uint(),
        tvb(offset + 6, 2):uint(), tvb(offset + 8, 2):uint()))
end

register_postdissector(pearp)
