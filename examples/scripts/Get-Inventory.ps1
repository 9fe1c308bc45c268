<#
.SYNOPSIS
    Lists the resource groups the account's system-assigned identity can read.
#>
param(
    [Parameter(Mandatory = $false)]
    [string] $Prefix = ''
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$AzureContext = (Connect-AzAccount -Identity).context
$AzureContext = Set-AzContext -SubscriptionName $AzureContext.Subscription -DefaultProfile $AzureContext

Get-AzResourceGroup -DefaultProfile $AzureContext |
    Where-Object { $_.ResourceGroupName -like "$Prefix*" } |
    ForEach-Object { Write-Output "$($_.ResourceGroupName) ($($_.Location))" }
