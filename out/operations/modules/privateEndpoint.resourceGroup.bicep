@description('Name of the private endpoint.')
param endpointName string

@description('Region of the private endpoint: the virtual network\'s region.')
param location string

@description('Tags of the private endpoint.')
param tags object = {}

@description('Resource ID of the subnet the endpoint joins.')
param subnetId string

@description('Resource ID of the Automation account.')
param privateLinkServiceId string

@description('The Automation sub-resource: Webhook or DSCAndHybridWorker.')
param groupId string

@description('Resource ID of the private DNS zone the endpoint registers in; empty for no DNS zone group.')
param privateDnsZoneId string = ''

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2025-07-01' = {
  name: endpointName
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: endpointName
        properties: {
          privateLinkServiceId: privateLinkServiceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

resource privateDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-07-01' = if (!empty(privateDnsZoneId)) {
  name: 'default'
  parent: privateEndpoint
  properties: {
    privateDnsZoneConfigs: [
      {
        name: last(split(privateDnsZoneId, '/'))
        properties: {
          privateDnsZoneId: privateDnsZoneId
        }
      }
    ]
  }
}
